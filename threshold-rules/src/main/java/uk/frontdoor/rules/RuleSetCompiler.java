package uk.frontdoor.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads one rule-set file (YAML) and compiles its conditions with CEL; all or nothing. */
final class RuleSetCompiler {

    private static final Set<String> TOP_FIELDS =
            Set.of("id", "version", "effectiveFrom", "framework", "reviewBy", "parameters", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "when", "effect");
    private static final Set<String> EFFECT_FIELDS = Set.of("level", "priority", "flags", "raiseLevelBy");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    // The standard (not the planner) runtime: measured several times faster on map-backed variables.
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private static final StructType CONTACT_TYPE = structOf("frontdoor.Contact", RuleField.Scope.CONTACT);
    private static final StructType HISTORY_TYPE = structOf("frontdoor.History", RuleField.Scope.HISTORY);

    private RuleSetCompiler() {
    }

    static CompiledRuleSet compile(String file, String yamlText) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new RuleSetLoadException(file, null, "not valid YAML: " + describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new RuleSetLoadException(file, null, "the file must be a YAML mapping with id, version, effectiveFrom, framework, reviewBy, parameters and rules");
        }
        unknownFields(root, TOP_FIELDS, file, null, "rule set");
        String id = requiredText(root, "id", file, null);
        String version = requiredText(root, "version", file, null);
        LocalDate effectiveFrom = requiredDate(root, "effectiveFrom", file);
        String framework = requiredText(root, "framework", file, null);
        LocalDate reviewBy = requiredDate(root, "reviewBy", file);
        if (!reviewBy.isAfter(effectiveFrom)) {
            throw new RuleSetLoadException(file, null, "reviewBy (" + reviewBy + ") must be after effectiveFrom (" + effectiveFrom + ")");
        }
        RuleSetParameters params = parameters(root.get("parameters"), file);

        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw new RuleSetLoadException(file, null, "'rules' must be a non-empty list");
        }
        CelCompiler compiler = compilerFor(params);
        List<CompiledRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode ruleNode : rulesNode) {
            index++;
            String ruleId = ruleNode.isObject() && ruleNode.path("id").isTextual() ? ruleNode.get("id").asText() : "#" + index;
            CompiledRule rule = rule(ruleNode, ruleId, file, compiler, params);
            if (!ids.add(rule.id)) {
                throw new RuleSetLoadException(file, rule.id, "duplicate rule id");
            }
            rules.add(rule);
        }
        RuleSetSummary summary = new RuleSetSummary(id, version, effectiveFrom, framework, reviewBy, rules.size());
        return new CompiledRuleSet(summary, file, params, rules);
    }

    private static CompiledRule rule(JsonNode node, String ruleId, String file, CelCompiler compiler, RuleSetParameters params) {
        if (!node.isObject()) {
            throw new RuleSetLoadException(file, ruleId, "a rule must be a mapping with id, description, when and effect");
        }
        unknownFields(node, RULE_FIELDS, file, ruleId, "rule");
        String id = requiredText(node, "id", file, ruleId);
        if (!RULE_ID.matcher(id).matches()) {
            throw new RuleSetLoadException(file, ruleId, "rule id must be capital letters, digits and hyphens, e.g. DA-CHILD-PRESENT");
        }
        String description = requiredText(node, "description", file, ruleId);
        String when = requiredText(node, "when", file, ruleId);

        JsonNode effect = node.get("effect");
        if (effect == null || !effect.isObject()) {
            throw new RuleSetLoadException(file, ruleId, "'effect' is required (level, priority, flags, raiseLevelBy)");
        }
        unknownFields(effect, EFFECT_FIELDS, file, ruleId, "effect");
        int level = 0;
        if (effect.has("level")) {
            JsonNode l = effect.get("level");
            if (!l.canConvertToExactIntegral() || l.asInt() < 1 || l.asInt() > 4) {
                throw new RuleSetLoadException(file, ruleId, "effect.level must be a whole number from 1 to 4, was '" + l.asText() + "'");
            }
            level = l.asInt();
        }
        Priority priority = null;
        if (effect.has("priority")) {
            String p = effect.get("priority").asText();
            try {
                priority = Priority.valueOf(p);
            } catch (IllegalArgumentException e) {
                throw new RuleSetLoadException(file, ruleId, "effect.priority must be RED, AMBER, GREEN or BLUE, was '" + p + "'");
            }
        }
        List<String> flags = new ArrayList<>();
        if (effect.has("flags")) {
            JsonNode f = effect.get("flags");
            if (!f.isArray()) {
                throw new RuleSetLoadException(file, ruleId, "effect.flags must be a list");
            }
            for (JsonNode flag : f) {
                if (!Flag.isKnown(flag.asText())) {
                    throw new RuleSetLoadException(file, ruleId, "unknown flag '" + flag.asText() + "'");
                }
                flags.add(flag.asText());
            }
        }
        int raise = 0;
        if (effect.has("raiseLevelBy")) {
            JsonNode r = effect.get("raiseLevelBy");
            if (!r.canConvertToExactIntegral() || r.asInt() < 1 || r.asInt() > 3) {
                throw new RuleSetLoadException(file, ruleId, "effect.raiseLevelBy must be a whole number from 1 to 3, was '" + r.asText() + "'");
            }
            raise = r.asInt();
        }
        if (level == 0 && priority == null && flags.isEmpty() && raise == 0) {
            throw new RuleSetLoadException(file, ruleId, "effect does nothing: give a level, priority, flags or raiseLevelBy");
        }

        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(when).getAst();
        } catch (CelValidationException e) {
            throw new RuleSetLoadException(file, ruleId, "condition 'when' does not compile: " + e.getMessage(), e);
        }
        checkLiterals(ast.getExpr(), file, ruleId);
        CelRuntime.Program program;
        try {
            program = RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new RuleSetLoadException(file, ruleId, "condition 'when' cannot be prepared: " + e.getMessage(), e);
        }
        FastPath.Condition exact = FastPath.exact(ast.getExpr(), params.values());
        FastPath.Condition guard = exact != null ? null : FastPath.guard(ast.getExpr(), params.values());
        return new CompiledRule(id, description, when, level, priority, flags, raise, program, exact, guard,
                ConditionWords.of(ast.getExpr(), params.values()));
    }

    /** A code compared with a list or field must exist: a typo would otherwise make a rule silently never fire. */
    private static void checkLiterals(CelExpr expr, String file, String ruleId) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
            CelExpr.CelCall call = expr.call();
            List<CelExpr> args = call.args();
            if (args.size() == 2 && Set.of("@in", "_==_", "_!=_").contains(call.function())) {
                checkLiteral(args.get(0), args.get(1), file, ruleId);
                if (!call.function().equals("@in")) {
                    checkLiteral(args.get(1), args.get(0), file, ruleId);
                }
            }
            call.target().ifPresent(t -> checkLiterals(t, file, ruleId));
            args.forEach(a -> checkLiterals(a, file, ruleId));
        } else if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            checkLiterals(expr.select().operand(), file, ruleId);
        } else if (expr.getKind() == CelExpr.ExprKind.Kind.LIST) {
            expr.list().elements().forEach(e -> checkLiterals(e, file, ruleId));
        } else if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            var c = expr.comprehension();
            for (CelExpr e : List.of(c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result())) {
                checkLiterals(e, file, ruleId);
            }
        }
    }

    private static void checkLiteral(CelExpr literalSide, CelExpr fieldSide, String file, String ruleId) {
        RuleField field = selectField(fieldSide);
        if (field == null || field.allowedLiteral == null) {
            return;
        }
        List<CelExpr> literals = literalSide.getKind() == CelExpr.ExprKind.Kind.LIST
                ? literalSide.list().elements() : List.of(literalSide);
        RuleField listSide = selectField(literalSide);
        if (fieldSide.getKind() == CelExpr.ExprKind.Kind.LIST && listSide != null && listSide.allowedLiteral != null) {
            // "contact.source in ['6', '2A']": the list literal holds the codes.
            field = listSide;
            literals = fieldSide.list().elements();
        }
        for (CelExpr literal : literals) {
            if (literal.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && literal.constant().getKind() == CelConstant.Kind.STRING_VALUE
                    && !field.allowedLiteral.test(literal.constant().stringValue())) {
                throw new RuleSetLoadException(file, ruleId, "'" + literal.constant().stringValue()
                        + "' is not a known value for " + field.scope.variable + "." + field.fieldName);
            }
        }
    }

    private static RuleField selectField(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT
                || expr.select().operand().getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return null;
        }
        return RuleField.find(expr.select().operand().ident().name(), expr.select().field());
    }

    private static RuleSetParameters parameters(JsonNode node, String file) {
        if (node == null || !node.isObject()) {
            throw new RuleSetLoadException(file, null, "'parameters' is required: " + String.join(", ", RuleSetParameters.REQUIRED));
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!PARAM_NAME.matcher(e.getKey()).matches()) {
                throw new RuleSetLoadException(file, null, "parameter name '" + e.getKey() + "' must be a camelCase word");
            }
            if (!e.getValue().canConvertToExactIntegral() || e.getValue().asLong() < 1) {
                throw new RuleSetLoadException(file, null, "parameter '" + e.getKey() + "' must be a whole number of at least 1");
            }
            values.put(e.getKey(), e.getValue().asLong());
        }
        for (String required : RuleSetParameters.REQUIRED) {
            if (!values.containsKey(required)) {
                throw new RuleSetLoadException(file, null, "parameter '" + required + "' is missing");
            }
        }
        return new RuleSetParameters(values);
    }

    private static CelCompiler compilerFor(RuleSetParameters params) {
        Map<String, CelType> paramFields = new LinkedHashMap<>();
        params.values().keySet().forEach(name -> paramFields.put(name, SimpleType.INT));
        StructType paramsType = StructType.create("frontdoor.Params", ImmutableSet.copyOf(paramFields.keySet()),
                name -> Optional.ofNullable(paramFields.get(name)));
        List<StructType> types = List.of(CONTACT_TYPE, HISTORY_TYPE, paramsType);
        CelTypeProvider provider = new CelTypeProvider() {
            @Override
            public ImmutableCollection<CelType> types() {
                return ImmutableList.copyOf(types);
            }

            @Override
            public Optional<CelType> findType(String typeName) {
                return types.stream().filter(t -> t.name().equals(typeName)).<CelType>map(t -> t).findFirst();
            }
        };
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setTypeProvider(provider)
                .addVar("contact", CONTACT_TYPE)
                .addVar("history", HISTORY_TYPE)
                .addVar("params", paramsType)
                .setResultType(SimpleType.BOOL)
                .build();
    }

    private static StructType structOf(String name, RuleField.Scope scope) {
        Map<String, CelType> fields = new LinkedHashMap<>();
        for (RuleField f : RuleField.values()) {
            if (f.scope == scope) {
                fields.put(f.fieldName, switch (f.kind) {
                    case STRING -> SimpleType.STRING;
                    case STRING_LIST -> ListType.create(SimpleType.STRING);
                    case INT -> SimpleType.INT;
                    case BOOL -> SimpleType.BOOL;
                });
            }
        }
        return StructType.create(name, ImmutableSet.copyOf(fields.keySet()), n -> Optional.ofNullable(fields.get(n)));
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String file, String ruleId, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new RuleSetLoadException(file, ruleId, "unknown field '" + name + "' in " + what
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String file, String ruleId) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new RuleSetLoadException(file, ruleId, "'" + field + "' is required");
        }
        return value.asText().strip();
    }

    private static LocalDate requiredDate(JsonNode node, String field, String file) {
        String text = requiredText(node, field, file, null);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleSetLoadException(file, null, "'" + field + "' must be a date like 2026-01-01, was '" + text + "'");
        }
    }

    /**
     * What is wrong and where, never the file's text: the YAML parser's own message quotes the lines around the
     * error, and a draft's text is whatever its author (or an attacker) sent, which an error must not echo back.
     */
    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String what = e.getCause() instanceof MarkedYAMLException yaml
                ? Stream.of(yaml.getContext(), yaml.getProblem()).filter(Objects::nonNull).collect(Collectors.joining(": "))
                : e.getOriginalMessage();
        return printable(what) + where;
    }

    /**
     * The parser names the character it stopped at ("but found ..."): a control character (U+0000 among them, which
     * no JSON reader of the service accepts back, and which the staff API fuzz sent) is named by its code instead.
     */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && c != '\n') {
                shown.append(String.format("U+%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}

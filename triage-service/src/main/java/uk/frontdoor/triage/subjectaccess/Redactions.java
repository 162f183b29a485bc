package uk.frontdoor.triage.subjectaccess;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What in a subject access bundle is about someone other than the child, marked by where it is (a JSON pointer)
 * and why. The ICO's guidance on third-party data in a subject access request: the council decides for each
 * whether to disclose it (consent, or reasonable to disclose without), so the bundle marks and never removes.
 *
 * <ul>
 *     <li>{@code REFERRER}: who made the referral and how to reach them (a submission's {@code referrer});</li>
 *     <li>{@code HOUSEHOLD_MEMBER}: the other people in the household ({@code household});</li>
 *     <li>{@code STAFF}: who did what at the front door ({@code actor}, {@code requestedBy}, {@code loggedBy},
 *     {@code viewedBy}, ...): staff acting in their role are usually disclosed, but each is for the council;</li>
 *     <li>{@code PROFESSIONAL}: the attendees and owners named at strategy discussions;</li>
 *     <li>{@code FREE_TEXT}: narratives, rationales, replies and reasons, which may name anyone.</li>
 * </ul>
 */
final class Redactions {

    /** A mark: the subtree at {@code path} is about someone else (or may be). */
    record Mark(String path, String category, String why) {
    }

    private static final Map<String, String[]> FIELDS = Map.ofEntries(
            Map.entry("referrer", new String[]{"REFERRER", "the person who made the referral, and their contact details"}),
            Map.entry("household", new String[]{"HOUSEHOLD_MEMBER", "other people in the child's household"}),
            Map.entry("actor", new String[]{"STAFF", "the member of staff who did this"}),
            Map.entry("requestedBy", new String[]{"STAFF", "the member of staff who did this"}),
            Map.entry("loggedBy", new String[]{"STAFF", "the member of staff who logged the contact"}),
            Map.entry("viewedBy", new String[]{"STAFF", "the member of staff who looked at the record"}),
            Map.entry("placedBy", new String[]{"STAFF", "the member of staff who did this"}),
            Map.entry("heldBy", new String[]{"STAFF", "the member of staff who holds the contact"}),
            Map.entry("attendees", new String[]{"PROFESSIONAL", "the professionals at the strategy discussion"}),
            Map.entry("owner", new String[]{"PROFESSIONAL", "the professional who owns the action"}),
            Map.entry("narrative", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("rationale", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("reply", new String[]{"FREE_TEXT", "a partner's reply, which may be about other people"}),
            Map.entry("information", new String[]{"FREE_TEXT", "a partner's answer, which may be about other people"}),
            Map.entry("question", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("answeredBy", new String[]{"STAFF", "the partner's member of staff who answered"}),
            Map.entry("doneBy", new String[]{"STAFF", "the partner's member of staff who did the action"}),
            Map.entry("description", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("detail", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("summary", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("note", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("actionsTaken", new String[]{"FREE_TEXT", "free text that may name other people"}),
            Map.entry("reason", new String[]{"FREE_TEXT", "free text that may name other people"}));

    /** The bundle's own sections whose fields are not about anybody. */
    private static final Set<String> UNMARKED_ROOTS = Set.of("note", "redactions", "producedBy");

    private Redactions() {
    }

    static List<Mark> in(JsonNode bundle) {
        List<Mark> marks = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = bundle.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!UNMARKED_ROOTS.contains(field.getKey())) {
                walk("/" + escape(field.getKey()), field.getValue(), marks);
            }
        }
        return marks;
    }

    static Map<String, Mark> byPath(JsonNode bundle) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        in(bundle).forEach(mark -> marks.put(mark.path(), mark));
        return marks;
    }

    /** The mark on this path or on a path above it, if any. */
    static Mark covering(String path, Map<String, Mark> marks) {
        for (String at = path; !at.isEmpty(); at = at.substring(0, Math.max(0, at.lastIndexOf('/')))) {
            Mark mark = marks.get(at);
            if (mark != null) {
                return mark;
            }
        }
        return null;
    }

    private static void walk(String path, JsonNode node, List<Mark> marks) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String at = path + "/" + escape(field.getKey());
                String[] category = FIELDS.get(field.getKey());
                if (category != null && !field.getValue().isNull() && !field.getValue().isMissingNode()
                        && !(field.getValue().isContainerNode() && field.getValue().isEmpty())) {
                    if (field.getKey().equals("household") && field.getValue().isArray()) {
                        for (int i = 0; i < field.getValue().size(); i++) {
                            marks.add(new Mark(at + "/" + i, category[0], category[1]));
                        }
                    } else {
                        marks.add(new Mark(at, category[0], category[1]));
                    }
                } else {
                    walk(at, field.getValue(), marks);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "/" + i, node.get(i), marks);
            }
        }
    }

    /** JSON pointer escaping (RFC 6901). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}

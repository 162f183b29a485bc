package uk.frontdoor.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which given names are short or familiar forms of each other (William, Will, Bill, Liam). */
public final class Nicknames {

    private static final String RESOURCE = "nicknames.txt";

    private final Map<String, Set<Integer>> groupsByName;
    private final List<List<String>> groups;

    private Nicknames(Map<String, Set<Integer>> groupsByName, List<List<String>> groups) {
        this.groupsByName = groupsByName;
        this.groups = groups;
    }

    /** The table shipped with the matcher. */
    public static Nicknames standard() {
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one group a line; '#' starts a comment. */
    public static Nicknames read(InputStream in) throws IOException {
        Map<String, Set<Integer>> byName = new HashMap<>();
        List<List<String>> groups = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int group = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String content = line.replaceFirst("#.*", "").trim();
            if (content.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String word : content.split("\\s+")) {
                String name = Normalise.name(word);
                byName.computeIfAbsent(name, w -> new HashSet<>()).add(group);
                names.add(name);
            }
            groups.add(List.copyOf(names));
            group++;
        }
        return new Nicknames(byName, List.copyOf(groups));
    }

    /** Every other form of a normalised given name, in table order (none for a name not in the table). */
    public List<String> alternatives(String name) {
        Set<String> result = new LinkedHashSet<>();
        for (Integer g : groupsByName.getOrDefault(name, Set.of())) {
            result.addAll(groups.get(g));
        }
        result.remove(name);
        return List.copyOf(result);
    }

    /** @param a a normalised given name ({@link Normalise#name}) */
    public boolean areNicknames(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        Set<Integer> ga = groupsByName.get(a);
        Set<Integer> gb = groupsByName.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (Integer g : ga) {
            if (gb.contains(g)) {
                return true;
            }
        }
        return false;
    }
}

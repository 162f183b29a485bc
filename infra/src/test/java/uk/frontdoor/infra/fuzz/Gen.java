package uk.frontdoor.infra.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values drawn from a seeded {@link Random}: the fuzz tests' own, small enough to read in one
 * go. Every draw takes its randomness from the one {@code Random} passed in, in order, so the same seed gives
 * the same inputs in the same order and {@code -Dfrontdoor.fuzz.seed=S} replays a run. There is no shrinking:
 * a failure names its seed and input number, and the input's kind.
 *
 * <p>It replaces jqwik's arbitraries, which these tests used only as seeded generators: jqwik's author asks
 * that AI agents not use the library, and these tests are written by AI sessions (see the README's Hostile
 * input section).
 */
@FunctionalInterface
interface Gen<T> {

    T draw(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(draw(random));
    }

    /** Draws again until a value passes; the condition must pass often, or drawing never ends. */
    default Gen<T> filter(Predicate<? super T> condition) {
        return random -> {
            for (int tries = 0; tries < 10_000; tries++) {
                T value = draw(random);
                if (condition.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("a filter that almost nothing passes");
        };
    }

    /** A list of {@code min} to {@code max} values, each drawn on its own. */
    default Gen<List<T>> list(int min, int max) {
        return random -> {
            int size = between(random, min, max);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(draw(random));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... choices) {
        return of(List.of(choices));
    }

    /** One of the choices, each as likely as the others. */
    static <T> Gen<T> of(List<T> choices) {
        List<T> copy = List.copyOf(choices);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** A value of one of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> all = List.of(generators);
        return random -> all.get(random.nextInt(all.size())).draw(random);
    }

    /** A generator chosen by weight: a weight of 12 is drawn twice as often as one of 6. */
    static <T> Gen<T> frequency(List<Weighted<T>> weighted) {
        List<Weighted<T>> all = List.copyOf(weighted);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int at = random.nextInt(total);
            for (Weighted<T> choice : all) {
                at -= choice.weight();
                if (at < 0) {
                    return choice.generator().draw(random);
                }
            }
            throw new IllegalStateException("weights do not add up");
        };
    }

    record Weighted<T>(int weight, Gen<? extends T> generator) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** Two values drawn one after the other, made into one. */
    static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> as) {
        return random -> {
            A first = a.draw(random);
            return as.apply(first, b.draw(random));
        };
    }

    /** Three values drawn one after the other, made into one. */
    static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Of3<? super A, ? super B, ? super C, ? extends R> as) {
        return random -> {
            A first = a.draw(random);
            B second = b.draw(random);
            return as.apply(first, second, c.draw(random));
        };
    }

    @FunctionalInterface
    interface Of3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    /** An int from {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        return random -> between(random, min, max);
    }

    /** Text of {@code min} to {@code max} characters, each one of {@code characters}. */
    static Gen<String> strings(String characters, int min, int max) {
        return random -> {
            int length = between(random, min, max);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(characters.charAt(random.nextInt(characters.length())));
            }
            return text.toString();
        };
    }

    /** The characters from {@code first} to {@code last}, as a string for {@link #strings}. */
    static String range(char first, char last) {
        StringBuilder all = new StringBuilder();
        for (char c = first; c <= last; c++) {
            all.append(c);
        }
        return all.toString();
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}

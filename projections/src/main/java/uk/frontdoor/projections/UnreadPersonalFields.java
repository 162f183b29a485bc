package uk.frontdoor.projections;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The personal fields of the events a read model handles that none of its handlers reads. A rebuild in bulk leaves
 * them sealed (not decrypted: they read as erased), where decrypting every personal field of every event was about a
 * third of its reading thread (docs/benchmarks.md, issue 14). The live path is not affected: its events are decoded
 * whole. Fields not listed here, and every field added later, are opened, so a mistake can only cost time, unless a
 * handler starts reading a field listed here: {@code UnreadPersonalFieldsTest} checks that each one named is a
 * personal field, and the rebuild tests compare every rebuilt read model with the live one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UnreadPersonalFields {

    Of[] value();

    /** Personal fields of one record (an event, or a value inside one) that the read model never reads. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Of {
        Class<? extends Record> type();

        /** The record components' names. */
        String[] fields();
    }
}

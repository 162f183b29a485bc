package uk.frontdoor.triage.api.value;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a stored event (or of a value it holds) as a child's personal data: the event store
 * keeps it encrypted with that child's own data key, so destroying the key erases it from every stored copy
 * (crypto-shredding). The whole value is one encrypted group: a {@code Child} record or a household list is
 * encrypted once, not field by field.
 * <p>
 * Once the child's key is destroyed the component reads back as erased: a {@code String} as
 * {@link PersonalData#ERASED}, a record as one whose text components are {@link PersonalData#ERASED} and
 * whose other components are empty, a list as empty. Mark free text too: staff write about the family in it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Personal {
}

package uk.frontdoor.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.frontdoor.infra.MovableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Verified staff passwords are remembered briefly, by fingerprint; wrong ones never are. Real bcrypt throughout. */
class VerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = counting(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    private final MovableClock clock = new MovableClock();
    private final VerifiedCredentials passwords = new VerifiedCredentials(bcrypt, Duration.ofMinutes(5), 3, clock);
    private final String hash = bcrypt.encode("dev-password");

    @Test
    void a_verified_password_is_not_checked_with_bcrypt_again_until_it_expires() {
        bcryptChecks.set(0);
        assertThat(passwords.matches("dev-password", hash)).isTrue();
        assertThat(passwords.matches("dev-password", hash)).isTrue();
        assertThat(passwords.matches("dev-password", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        clock.moveTo(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(passwords.matches("dev-password", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void a_wrong_password_pays_bcrypt_every_time_and_is_never_accepted() {
        assertThat(passwords.matches("dev-password", hash)).isTrue();
        bcryptChecks.set(0);
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("dev-passwore", hash)).isFalse();
        }
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void a_changed_password_is_checked_afresh_and_the_old_one_no_longer_works() {
        assertThat(passwords.matches("dev-password", hash)).isTrue();
        String changed = bcrypt.encode("a-new-password");
        bcryptChecks.set(0);

        assertThat(passwords.matches("dev-password", changed)).isFalse();
        assertThat(passwords.matches("a-new-password", changed)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void the_number_remembered_is_bounded() {
        for (int i = 0; i < 10; i++) {
            String password = "password-" + i;
            assertThat(passwords.matches(password, bcrypt.encode(password))).isTrue();
        }
        assertThat(passwords.remembered()).isLessThanOrEqualTo(3);
    }

    private PasswordEncoder counting(PasswordEncoder delegate) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return delegate.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                bcryptChecks.incrementAndGet();
                return delegate.matches(rawPassword, encodedPassword);
            }
        };
    }
}

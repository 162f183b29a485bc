package uk.frontdoor.infra.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The staff the front door knows: the configured users ({@code frontdoor.staff.users}, with their teams),
 * and everyone who has signed in with the council's identity provider (remembered in {@code staff_seen} at
 * their first sign-in, with the teams their token names, and again whenever their role, agency or teams change). A configured user wins over one
 * seen, so the embedded profile's demo users are exactly as configured.
 */
@Component
class ConfiguredStaffDirectory implements StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredStaffDirectory.class);

    private final Map<String, Member> configured;
    private final Set<String> teams;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** What this instance last wrote for each member seen: a sign-in writes only when something changed. */
    private final Map<String, Seen> remembered = new ConcurrentHashMap<>();

    private record Seen(Actor actor, Set<String> teams) {
    }

    ConfiguredStaffDirectory(StaffUsers staff, JdbcClient jdbc, Clock clock) {
        this.configured = staff.users().stream()
                .map(user -> new Member(user.username(), user.role(), Set.copyOf(user.teams())))
                .collect(Collectors.toUnmodifiableMap(Member::userId, Function.identity()));
        this.teams = configured.values().stream().flatMap(member -> member.teams().stream())
                .collect(Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Member> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        Member member = configured.get(userId);
        if (member != null) {
            return Optional.of(member);
        }
        return jdbc.sql("SELECT user_id, role, teams FROM staff_seen WHERE user_id = ?").param(userId)
                .query((rs, row) -> new Member(rs.getString("user_id"), StaffRole.valueOf(rs.getString("role")),
                        Set.of((String[]) rs.getArray("teams").getArray())))
                .optional();
    }

    /** A team of a configured user, or of anyone seen through the identity provider. */
    @Override
    public boolean isTeam(String team) {
        return team != null && (teams.contains(team) || jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_seen WHERE ? = ANY (teams))")
                .param(team).query(Boolean.class).single());
    }

    /**
     * A member of staff signed in with the identity provider: known from now on. A failure to remember is
     * logged and does not stop the sign-in (they are known at the next one).
     */
    void seen(Actor actor, Set<String> memberOf) {
        Seen now = new Seen(actor, Set.copyOf(memberOf));
        if (configured.containsKey(actor.userId()) || now.equals(remembered.get(actor.userId()))) {
            return;
        }
        try {
            Timestamp timestamp = Timestamp.from(clock.instant());
            jdbc.sql("""
                            INSERT INTO staff_seen (user_id, role, agency, teams, first_seen, last_seen)
                            VALUES (?, ?, ?, ?::text[], ?, ?)
                            ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, agency = EXCLUDED.agency,
                                teams = EXCLUDED.teams, last_seen = EXCLUDED.last_seen""")
                    .params(actor.userId(), actor.role().name(), actor.agency(),
                            now.teams().stream().sorted().toArray(String[]::new), timestamp, timestamp)
                    .update();
            remembered.put(actor.userId(), now);
        } catch (DataAccessException failed) {
            log.warn("Could not remember a member of staff in the staff directory: {}", failed.getClass().getSimpleName());
        }
    }
}

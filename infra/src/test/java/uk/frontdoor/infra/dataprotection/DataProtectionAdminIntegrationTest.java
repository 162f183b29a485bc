package uk.frontdoor.infra.dataprotection;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Master key rotation's admin endpoints on the whole service: a system manager sees which master key wraps how
 * many data keys and starts a re-wrap (202, in the background, recorded with who started it); nobody else may.
 * The rotation itself, with two master keys, is {@link MasterKeyRotationIntegrationTest}.
 */
class DataProtectionAdminIntegrationTest extends IntegrationTestSupport {

    private static final String SYSADMIN = staff("sysadmin1");
    private static final String MASTER_KEYS = "/api/v1/admin/data-protection/master-keys";
    private static final String REWRAP = "/api/v1/admin/data-protection/rewrap";

    @Autowired
    private PersonalDataKeys keys;

    @Test
    void a_system_manager_sees_the_master_keys_and_starts_a_rewrap_that_is_recorded() {
        keys.forWriting(UUID.randomUUID().toString());

        HttpResponse<String> before = get(MASTER_KEYS, SYSADMIN);

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).doesNotContain("BQ5KLCcbrh5rCEOU5RjAgk5Jx0");
        Map<String, Object> status = body(before);
        assertThat(status).containsEntry("currentMasterKeyId", "embedded-demo");
        Map<String, Object> current = use(status, "embedded-demo");
        assertThat(current).containsEntry("current", true).containsEntry("configured", true);
        assertThat(((Number) current.get("dataKeys")).longValue()).isPositive();

        HttpResponse<String> started = postJson(REWRAP, SYSADMIN, null);

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue(MASTER_KEYS);
        Map<String, Object> run = body(started);
        assertThat(run).containsEntry("startedBy", "sysadmin1").containsEntry("startedRole", "SYSTEM_MANAGER")
                .containsEntry("toMasterKeyId", "embedded-demo");
        Number id = (Number) run.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> finished = Awaitility.await().until(
                () -> (Map<String, Object>) body(get(MASTER_KEYS, SYSADMIN)).get("lastRun"),
                last -> last != null && id.equals(last.get("id")) && last.get("finishedAt") != null);
        // Nothing is under another master key here, so nothing to re-wrap: the run still ends and says so.
        assertThat(finished).containsEntry("outcome", "COMPLETED").containsEntry("rewrapped", 0);
        assertThat(jdbc.sql("SELECT started_by FROM data_key_rewraps WHERE id = ?").param(id.longValue())
                .query(String.class).single()).isEqualTo("sysadmin1");
    }

    @Test
    void staff_who_do_not_run_the_service_may_neither_see_the_master_keys_nor_rewrap() {
        for (String user : List.of("sw1", "manager1", "admin1")) {
            assertThat(get(MASTER_KEYS, staff(user)).statusCode()).as(user).isEqualTo(403);
            assertThat(postJson(REWRAP, staff(user), null).statusCode()).as(user).isEqualTo(403);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> use(Map<String, Object> status, String masterKeyId) {
        return ((List<Map<String, Object>>) status.get("masterKeys")).stream()
                .filter(use -> masterKeyId.equals(use.get("masterKeyId"))).findFirst().orElseThrow();
    }
}

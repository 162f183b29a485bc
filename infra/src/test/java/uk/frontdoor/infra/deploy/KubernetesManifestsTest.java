package uk.frontdoor.infra.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import uk.frontdoor.intake.partner.PartnerAgencies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests (infra/deploy/kubernetes) say what the service needs: every setting the prod
 * profile requires, the actuator's probe endpoints, selectors that find the pods, and an autoscaler on the
 * intake consumer group's lag for the service's own topic.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy/kubernetes");

    @Test
    void the_deployment_provides_every_setting_the_prod_profile_requires() throws IOException {
        Set<String> required = new HashSet<>();
        // ${NAME} without a default must be set; ${NAME:default} may be.
        Matcher placeholders = Pattern.compile("\\$\\{(FRONTDOOR_[A-Z_]+)}").matcher(classpath("application-prod.yml"));
        while (placeholders.find()) {
            required.add(placeholders.group(1));
        }
        // The pages' client registration is refused at start-up without these (they default to empty).
        required.addAll(List.of("FRONTDOOR_OIDC_CLIENT_ID", "FRONTDOOR_OIDC_CLIENT_SECRET"));
        // Start-up stops without a master key for personal data (it has no default outside the embedded profile).
        required.add("FRONTDOOR_DATA_PROTECTION_MASTER_KEY_FILE");
        assertThat(required).contains("FRONTDOOR_DB_URL", "FRONTDOOR_KAFKA_BOOTSTRAP_SERVERS", "FRONTDOOR_OIDC_ISSUER_URI");

        Map<String, Object> container = container();
        Set<String> provided = new HashSet<>(configMapData().keySet());
        for (Map<String, Object> env : list(container.get("env"))) {
            provided.add((String) env.get("name"));
        }
        assertThat(provided).containsAll(required);
        assertThat(list(container.get("env"))).anySatisfy(env -> assertThat(env)
                .containsEntry("name", "SPRING_PROFILES_ACTIVE").containsEntry("value", "prod"));
        // Kubernetes takes only strings as ConfigMap values (an unquoted number or boolean is refused).
        assertThat(configMapData().values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        // Secrets come from a Secret, never the ConfigMap.
        assertThat(configMapData().keySet()).doesNotContain("FRONTDOOR_DB_PASSWORD", "FRONTDOOR_OIDC_CLIENT_SECRET");
        // ... and so does the master key: a file mounted from its own Secret, where the setting says it is.
        String masterKeyFile = list(container.get("env")).stream()
                .filter(env -> "FRONTDOOR_DATA_PROTECTION_MASTER_KEY_FILE".equals(env.get("name")))
                .map(env -> (String) env.get("value")).findFirst().orElseThrow();
        assertThat(list(container.get("volumeMounts"))).anySatisfy(mount -> assertThat(masterKeyFile)
                .startsWith(mount.get("mountPath") + "/").isEqualTo(mount.get("mountPath") + "/master-key"));
    }

    @Test
    void the_configmaps_partner_agency_binds_as_the_service_binds_it() {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                // Bound with environment-variable names only under the environment's own source name.
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(configMapData())));
        PartnerAgencies agencies = new Binder(ConfigurationPropertySources.from(sources))
                .bind("frontdoor.partners", PartnerAgencies.class).get();

        assertThat(agencies.agencies()).singleElement().satisfies(agency -> {
            assertThat(agency.code()).isEqualTo("thames-valley-police");
            assertThat(agency.apiKeySha256()).hasSize(64);
            assertThat(agency.allowedReferralSources()).containsExactly("6");
        });
    }

    @Test
    void probes_are_the_actuators_liveness_and_readiness_on_the_service_port() throws IOException {
        Map<String, Object> container = container();
        assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(list(container.get("ports"))).singleElement().satisfies(port -> assertThat(port)
                .containsEntry("name", "http").containsEntry("containerPort", 8080));
        String shared = classpath("application.yml");
        assertThat(shared).contains("port: 8080").containsPattern("probes:\\s+enabled: true");
    }

    @Test
    void service_budget_and_autoscaler_find_the_deployments_pods() {
        Map<String, Object> deployment = manifest("deployment.yaml");
        Map<String, Object> podLabels = map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
        Map<String, Object> selector = map(map(map(deployment.get("spec")).get("selector")).get("matchLabels"));
        assertThat(podLabels).containsAllEntriesOf(selector);

        assertThat(podLabels).containsAllEntriesOf(map(map(manifest("service.yaml").get("spec")).get("selector")));
        assertThat(podLabels).containsAllEntriesOf(
                map(map(map(manifest("poddisruptionbudget.yaml").get("spec")).get("selector")).get("matchLabels")));

        Map<String, Object> hpa = map(manifest("horizontalpodautoscaler.yaml").get("spec"));
        assertThat(map(hpa.get("scaleTargetRef"))).containsEntry("kind", "Deployment")
                .containsEntry("name", map(deployment.get("metadata")).get("name"));
        assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) hpa.get("maxReplicas")).isGreaterThanOrEqualTo((Integer) hpa.get("minReplicas"));
    }

    @Test
    void the_autoscaler_follows_the_lag_of_the_intake_consumer_group_on_the_submissions_topic() throws IOException {
        Map<String, Object> lag = list(map(manifest("horizontalpodautoscaler.yaml").get("spec")).get("metrics")).stream()
                .filter(metric -> "External".equals(metric.get("type"))).findFirst().orElseThrow();
        Map<String, Object> metric = map(map(lag.get("external")).get("metric"));
        assertThat(metric).containsEntry("name", "kafka_consumergroup_lag");
        Map<String, Object> selector = map(metric.get("selector"));
        Map<String, Object> labels = map(selector.get("matchLabels"));

        String shared = classpath("application.yml");
        assertThat(shared).contains("group-id: " + labels.get("consumergroup"));
        // In production each agency publishes to its own topic: the lag is the lag on all of them.
        assertThat(classpath("application-prod.yml")).contains("agency-from: topic");
        Matcher prefix = Pattern.compile("agency-topic-prefix: (\\S+)").matcher(shared);
        assertThat(prefix.find()).isTrue();
        List<String> agencyTopics = configMapData().entrySet().stream()
                .filter(entry -> entry.getKey().matches("FRONTDOOR_PARTNERS_AGENCIES_\\d+_CODE"))
                .map(entry -> prefix.group(1) + entry.getValue()).toList();
        assertThat(agencyTopics).isNotEmpty();
        assertThat(list(selector.get("matchExpressions"))).singleElement().satisfies(topics -> {
            assertThat(topics).containsEntry("key", "topic").containsEntry("operator", "In");
            assertThat(topics.get("values")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                    .containsExactlyInAnyOrderElementsOf(agencyTopics);
        });
    }

    @Test
    void kustomize_lists_every_manifest_here() throws IOException {
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) manifest("kustomization.yaml").get("resources");
        try (var files = Files.list(DIR)) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
    }

    private static String path(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static Map<String, Object> container() {
        Map<String, Object> pod = map(map(map(manifest("deployment.yaml").get("spec")).get("template")).get("spec"));
        return list(pod.get("containers")).get(0);
    }

    private static Map<String, Object> configMapData() {
        return map(manifest("configmap.yaml").get("data"));
    }

    private static Map<String, Object> manifest(String name) {
        try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classpath(String name) throws IOException {
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object yaml) {
        return (List<Map<String, Object>>) yaml;
    }
}

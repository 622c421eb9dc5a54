package org.ordercycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.KafkaUserTlsClientAuthentication;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ordercycle.events.Topic;

/**
 * The offline checks of a rendered manifest set against the services' configuration and the event catalog. Every
 * check returns what is wrong, one line each, naming the resource; an empty list means it holds.
 */
public final class ManifestChecks {

    /** ordercycle.kit.dead-letters.retention's default (P30D), which the kit verifies on every {@code .dlq} topic. */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");
    private static final Map<String, String> HEALTH = new LinkedHashMap<>(Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready"));

    private final Manifest manifest;
    private final List<ServiceConfig> services;
    private final Map<String, ConfigMap> configMaps;

    public ManifestChecks(Manifest manifest, List<ServiceConfig> services) {
        this.manifest = manifest;
        this.services = services;
        this.configMaps = manifest.models("ConfigMap", ConfigMap.class).stream()
                .collect(Collectors.toMap(map -> map.getMetadata().getName(), Function.identity(), (a, b) -> a));
    }

    /** Every check but the CRD schemas. */
    public List<String> all(Expectations expectations) {
        List<String> problems = new ArrayList<>();
        problems.addAll(deployments());
        problems.addAll(servicesDeployed());
        problems.addAll(topics());
        problems.addAll(kafkaUsers());
        problems.addAll(datasources());
        problems.addAll(redundancy(expectations));
        manifest.ofKind("Ingress").filter(ingress -> ingress.tree().path("metadata").path("annotations").toString()
                        .contains("rewrite-target"))
                .forEach(ingress -> problems.add(ingress + " rewrites paths; the prefix must reach the services"));
        return problems;
    }

    // ---- Deployments ----

    /** Every Deployment: the three health probes on the management port, resources, non-root, a pinned image. */
    public List<String> deployments() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifest.models("Deployment", Deployment.class)) {
            String name = "Deployment " + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                String where = name + " container " + container.getName();
                problems.addAll(probes(where, container, environment(container)));
                problems.addAll(resources(where, container.getResources()));
                problems.addAll(nonRoot(where, pod, container));
                problems.addAll(image(where, container.getImage()));
            }
        }
        return problems;
    }

    private List<String> probes(String where, Container container, Map<String, EnvValue> environment) {
        List<String> problems = new ArrayList<>();
        Map<String, Probe> probes = Map.of("startupProbe", Optional.ofNullable(container.getStartupProbe()),
                "livenessProbe", Optional.ofNullable(container.getLivenessProbe()),
                "readinessProbe", Optional.ofNullable(container.getReadinessProbe())).entrySet().stream()
                .filter(entry -> entry.getValue().isPresent())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
        String managementPort = Optional.ofNullable(environment.get("QUARKUS_MANAGEMENT_PORT"))
                .map(EnvValue::literal).orElse(null);
        HEALTH.forEach((probeName, path) -> {
            Probe probe = probes.get(probeName);
            if (probe == null) {
                problems.add(where + ": no " + probeName);
                return;
            }
            HTTPGetAction get = probe.getHttpGet();
            if (get == null || !path.equals(get.getPath())) {
                problems.add(where + ": " + probeName + " must be an HTTP GET of " + path);
                return;
            }
            String port = port(container, get.getPort() == null ? null
                    : get.getPort().getIntVal() != null ? get.getPort().getIntVal().toString() : get.getPort().getStrVal());
            if (managementPort == null) {
                problems.add(where + ": QUARKUS_MANAGEMENT_PORT is not set, so the probes' port cannot be the management port");
            } else if (!managementPort.equals(port)) {
                problems.add(where + ": " + probeName + " asks port " + port + ", the management interface listens on "
                        + managementPort + " (health is not served on the API port)");
            }
        });
        return problems;
    }

    /** A probe's port as a number: a named port resolved through the container's ports. */
    private static String port(Container container, String port) {
        if (port == null || port.chars().allMatch(Character::isDigit)) {
            return port;
        }
        return container.getPorts().stream().filter(p -> port.equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort).map(Object::toString).orElse("(unknown port " + port + ")");
    }

    private static List<String> resources(String where, ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                problems.add(where + ": no " + resource + " request");
            }
        }
        if (!limits.containsKey("memory")) {
            problems.add(where + ": no memory limit");
        }
        if (requests.containsKey("memory") && limits.containsKey("memory")
                && Quantity.getAmountInBytes(requests.get("memory")).compareTo(Quantity.getAmountInBytes(limits.get("memory"))) > 0) {
            problems.add(where + ": memory request above its limit");
        }
        return problems;
    }

    private static List<String> nonRoot(String where, PodSpec pod, Container container) {
        List<String> problems = new ArrayList<>();
        PodSecurityContext podContext = pod.getSecurityContext();
        SecurityContext context = container.getSecurityContext();
        Boolean runAsNonRoot = context != null && context.getRunAsNonRoot() != null ? context.getRunAsNonRoot()
                : podContext == null ? null : podContext.getRunAsNonRoot();
        Long runAsUser = context != null && context.getRunAsUser() != null ? context.getRunAsUser()
                : podContext == null ? null : podContext.getRunAsUser();
        if (!Boolean.TRUE.equals(runAsNonRoot)) {
            problems.add(where + ": runAsNonRoot is not true");
        }
        if (runAsUser != null && runAsUser == 0) {
            problems.add(where + ": runs as user 0 (root)");
        }
        if (context == null || !Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            problems.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (context == null || !Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            problems.add(where + ": the root filesystem is not read-only");
        } else {
            Set<String> emptyDirs = pod.getVolumes() == null ? Set.of() : pod.getVolumes().stream()
                    .filter(volume -> volume.getEmptyDir() != null).map(Volume::getName).collect(Collectors.toSet());
            boolean tmp = container.getVolumeMounts() != null && container.getVolumeMounts().stream()
                    .anyMatch(mount -> "/tmp".equals(mount.getMountPath()) && emptyDirs.contains(mount.getName()));
            if (!tmp) {
                problems.add(where + ": read-only root filesystem without an emptyDir at /tmp");
            }
        }
        return problems;
    }

    private static List<String> image(String where, String image) {
        if (image == null || image.isBlank()) {
            return List.of(where + ": no image");
        }
        if (image.contains("@sha256:")) {
            return List.of();
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!last.contains(":")) {
            return List.of(where + ": image " + image + " has no tag (that is latest)");
        }
        if (last.endsWith(":latest")) {
            return List.of(where + ": image " + image + " uses the tag latest");
        }
        return List.of();
    }

    // ---- Services ----

    /** Every service of the project has its Deployment, which says that Strimzi owns the topics. */
    public List<String> servicesDeployed() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : services) {
            Optional<Container> container = container(service);
            if (container.isEmpty()) {
                problems.add(service.name() + ": no Deployment");
                continue;
            }
            Map<String, EnvValue> environment = environment(container.get());
            String where = "Deployment " + service.name();
            EnvValue create = environment.get("ORDERCYCLE_KIT_TOPICS_CREATE");
            if (create == null || !"false".equals(create.literal())) {
                problems.add(where + ": ORDERCYCLE_KIT_TOPICS_CREATE must be false (Strimzi's KafkaTopics own the topics)");
            }
            problems.addAll(exposure(service, environment));
        }
        return problems;
    }

    /**
     * The service is reached as it should be: a Service with its API and management ports, a ServiceMonitor scraping
     * /q/metrics on the management port, an autoscaler and a disruption budget, and an Ingress path
     * {@code /<department>} forwarded unchanged to a service whose root path is that prefix.
     */
    private List<String> exposure(ServiceConfig service, Map<String, EnvValue> environment) {
        List<String> problems = new ArrayList<>();
        String name = service.name();
        Optional<Manifest.Document> kubeService = manifest.find("Service", name);
        if (kubeService.isEmpty()) {
            problems.add(name + ": no Service");
        } else {
            String ports = kubeService.get().tree().path("spec").path("ports").toString();
            for (String port : List.of("\"http\"", "\"management\"")) {
                if (!ports.contains("\"name\":" + port)) {
                    problems.add("Service " + name + ": no port named " + port);
                }
            }
        }
        boolean monitored = manifest.ofKind("ServiceMonitor").anyMatch(monitor -> name.equals(
                        monitor.tree().path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                && monitor.tree().path("spec").path("endpoints").toString().contains("\"port\":\"management\"")
                && monitor.tree().path("spec").path("endpoints").toString().contains("\"path\":\"/q/metrics\""));
        if (!monitored) {
            problems.add(name + ": no ServiceMonitor scraping /q/metrics on its management port");
        }
        for (String kind : List.of("HorizontalPodAutoscaler", "PodDisruptionBudget")) {
            if (manifest.find(kind, name).isEmpty()) {
                problems.add(name + ": no " + kind);
            }
        }
        String prefix = "/" + service.department();
        EnvValue rootPath = environment.get("QUARKUS_HTTP_ROOT_PATH");
        if (rootPath == null || !prefix.equals(rootPath.literal())) {
            problems.add("Deployment " + name + ": QUARKUS_HTTP_ROOT_PATH must be " + prefix
                    + " (the Ingress forwards the prefix), is " + (rootPath == null ? "unset" : rootPath.literal()));
        }
        boolean routed = manifest.ofKind("Ingress").anyMatch(ingress -> {
            for (JsonNode rule : ingress.tree().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    if (prefix.equals(path.path("path").asText()) && "Prefix".equals(path.path("pathType").asText())
                            && name.equals(path.path("backend").path("service").path("name").asText())) {
                        return true;
                    }
                }
            }
            return false;
        });
        if (!routed) {
            problems.add(name + ": no Ingress path " + prefix + " (Prefix) to it");
        }
        problems.addAll(networkPolicy(service));
        return problems;
    }

    /**
     * The service's NetworkPolicy admits only its two ports (the API, the management interface) and lets it reach DNS
     * and the Kafka brokers (the database is checked with the datasource).
     */
    private List<String> networkPolicy(ServiceConfig service) {
        Optional<Manifest.Document> found = manifest.find("NetworkPolicy", service.name());
        if (found.isEmpty()) {
            return List.of(service.name() + ": no NetworkPolicy " + service.name());
        }
        List<String> problems = new ArrayList<>();
        String where = "NetworkPolicy " + service.name();
        JsonNode spec = found.get().tree().path("spec");
        if (!spec.path("policyTypes").toString().contains("Ingress") || !spec.path("policyTypes").toString().contains("Egress")) {
            problems.add(where + ": must restrict both Ingress and Egress");
        }
        Set<String> ingressPorts = new java.util.TreeSet<>();
        for (JsonNode rule : spec.path("ingress")) {
            if (rule.path("from").isEmpty() || rule.path("ports").isEmpty()) {
                problems.add(where + ": an ingress rule open to every peer or port");
            }
            rule.path("ports").forEach(port -> ingressPorts.add(port.path("port").asText()));
        }
        if (!ingressPorts.equals(Set.of("http", "management"))) {
            problems.add(where + ": admits ports " + ingressPorts + ", must be exactly [http, management]");
        }
        String egress = spec.path("egress").toString();
        if (!egress.contains("\"port\":53")) {
            problems.add(where + ": no egress to DNS (port 53)");
        }
        if (!egress.contains("\"strimzi.io/cluster\"")) {
            problems.add(where + ": no egress to the Kafka brokers (strimzi.io/cluster)");
        }
        return problems;
    }

    // ---- Topics ----

    /**
     * Every topic of the catalog (the kit verifies them all at start) and every topic a service's channel names has
     * its KafkaTopic and {@code .dlq}, with the catalog's partitions, cleanup policy and dead-letter retention.
     */
    public List<String> topics() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> topics = kafkaTopics();
        for (Topic topic : Topic.values()) {
            problems.addAll(topic(topics, topic.topicName(), topic.partitions(), topic.compacted() ? "compact" : "delete", null));
            problems.addAll(topic(topics, topic.deadLetterTopic(), topic.partitions(), "delete",
                    Long.toString(DEAD_LETTER_RETENTION.toMillis())));
        }
        for (ServiceConfig service : services) {
            for (String channelTopic : service.channelTopics()) {
                if (Topic.named(channelTopic).isEmpty()) {
                    problems.add(service.name() + " has a channel for " + channelTopic
                            + ", which is not a topic of order-events' Topic");
                }
            }
        }
        return problems;
    }

    private static List<String> topic(Map<String, JsonNode> topics, String name, int partitions, String cleanupPolicy,
            String retentionMs) {
        JsonNode spec = topics.get(name);
        if (spec == null) {
            return List.of("no KafkaTopic " + name);
        }
        List<String> problems = new ArrayList<>();
        if (spec.path("partitions").asInt(-1) != partitions) {
            problems.add("KafkaTopic " + name + " has " + spec.path("partitions").asText("no") + " partitions, Topic says "
                    + partitions);
        }
        String policy = spec.path("config").path("cleanup.policy").asText(null);
        if (!cleanupPolicy.equals(policy)) {
            problems.add("KafkaTopic " + name + " has cleanup.policy " + policy + ", must be " + cleanupPolicy);
        }
        if ("compact".equals(cleanupPolicy) && spec.path("config").path("max.compaction.lag.ms").isMissingNode()) {
            problems.add("KafkaTopic " + name + " is compacted without max.compaction.lag.ms: an erased customer's old"
                    + " snapshots would stay for good (ordercycle.kit.topics.max-compaction-lag)");
        }
        if (retentionMs != null && !retentionMs.equals(spec.path("config").path("retention.ms").asText(null))) {
            problems.add("KafkaTopic " + name + " keeps records " + spec.path("config").path("retention.ms").asText("(broker default)")
                    + " ms, dead letters are kept " + retentionMs + " ms (ordercycle.kit.dead-letters.retention)");
        }
        return problems;
    }

    /** The KafkaTopics' specs by topic name (spec.topicName, else the resource's name). */
    private Map<String, JsonNode> kafkaTopics() {
        Map<String, JsonNode> topics = new HashMap<>();
        manifest.ofKind("KafkaTopic").forEach(document -> {
            JsonNode spec = document.tree().path("spec");
            topics.put(spec.path("topicName").asText(document.name()), spec);
        });
        return topics;
    }

    // ---- Kafka users ----

    /**
     * Every service logs in as its own KafkaUser, whose ACLs grant exactly: Read on the topics it has channels for,
     * Write on its department's topics (the outbox relay) and on the {@code .dlq} of every topic it reads (its dead
     * letters), Describe and DescribeConfigs on every catalog topic (the kit verifies them all at start), Read on its
     * consumer groups. Nothing else reads or writes.
     */
    public List<String> kafkaUsers() {
        List<String> problems = new ArrayList<>();
        Map<String, KafkaUser> users = manifest.models("KafkaUser", KafkaUser.class).stream()
                .collect(Collectors.toMap(user -> user.getMetadata().getName(), Function.identity(), (a, b) -> a));
        manifest.ofKind("KafkaUser").filter(document -> !(document.model() instanceof KafkaUser))
                .forEach(document -> problems.add(document + ": not readable by the Strimzi model"));
        for (ServiceConfig service : services) {
            Optional<Container> container = container(service);
            if (container.isEmpty()) {
                continue;
            }
            EnvValue jaas = environment(container.get()).get("KAFKA_SASL_JAAS_CONFIG");
            if (jaas == null || jaas.secretName() == null) {
                problems.add("Deployment " + service.name() + ": no KAFKA_SASL_JAAS_CONFIG from its KafkaUser's secret");
                continue;
            }
            KafkaUser user = users.get(jaas.secretName());
            if (user == null) {
                problems.add("Deployment " + service.name() + " logs in to Kafka as " + jaas.secretName()
                        + ", for which there is no KafkaUser");
                continue;
            }
            problems.addAll(acls(service, user));
        }
        return problems;
    }

    private List<String> acls(ServiceConfig service, KafkaUser user) {
        String where = "KafkaUser " + user.getMetadata().getName();
        List<String> problems = new ArrayList<>();
        if (!user.getSpec().getAdditionalProperties().isEmpty()) {
            problems.add(where + ": unknown fields " + user.getSpec().getAdditionalProperties().keySet());
        }
        if (!(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)
                && !(user.getSpec().getAuthentication() instanceof KafkaUserTlsClientAuthentication)) {
            problems.add(where + ": authentication must be scram-sha-512 or tls");
        }
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            problems.add(where + ": no simple authorization (ACLs)");
            return problems;
        }
        List<AclRule> rules = simple.getAcls();
        for (AclRule rule : rules) {
            if (!rule.getAdditionalProperties().isEmpty()) {
                problems.add(where + ": an ACL with unknown fields " + rule.getAdditionalProperties().keySet());
            }
        }
        Set<String> reads = Set.copyOf(service.channelTopics());
        Set<String> writes = new java.util.TreeSet<>();
        for (Topic topic : Topic.values()) {
            if (topic.topicName().startsWith(service.department() + ".")) {
                writes.add(topic.topicName());
            }
        }
        reads.forEach(topic -> writes.add(topic + ".dlq"));
        List<String> catalog = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            catalog.add(topic.topicName());
            catalog.add(topic.deadLetterTopic());
        }
        for (String topic : reads) {
            require(problems, where, rules, "topic", topic, AclOperation.READ, "it reads " + topic);
        }
        for (String topic : writes) {
            require(problems, where, rules, "topic", topic, AclOperation.WRITE, "it publishes on " + topic);
        }
        for (String topic : catalog) {
            require(problems, where, rules, "topic", topic, AclOperation.DESCRIBE, "the kit verifies " + topic);
            require(problems, where, rules, "topic", topic, AclOperation.DESCRIBECONFIGS, "the kit verifies " + topic);
        }
        require(problems, where, rules, "group", service.name(), AclOperation.READ, "its consumer group");
        // Exactly: no Read or Write beyond those.
        for (String topic : catalog) {
            if (!reads.contains(topic) && allows(rules, "topic", topic, AclOperation.READ)) {
                problems.add(where + " may read " + topic + ", which " + service.name() + " has no channel for");
            }
            if (!writes.contains(topic) && allows(rules, "topic", topic, AclOperation.WRITE)) {
                problems.add(where + " may write " + topic + ", which is neither " + service.department()
                        + "'s topic nor a dead-letter topic of what it reads");
            }
        }
        for (AclRule rule : rules) {
            if (rule.getOperations() != null && rule.getOperations().contains(AclOperation.ALL)) {
                problems.add(where + ": an ACL allows All operations");
            }
        }
        return problems;
    }

    private static void require(List<String> problems, String where, List<AclRule> rules, String type, String name,
            AclOperation operation, String because) {
        if (!allows(rules, type, name, operation)) {
            problems.add(where + " lacks " + operation + " on " + type + " " + name + " (" + because + ")");
        }
    }

    /** Whether an allow rule grants the operation on the named topic or group (literal or prefix pattern). */
    static boolean allows(List<AclRule> rules, String type, String name, AclOperation operation) {
        for (AclRule rule : rules) {
            if (rule.getType() == AclRuleType.DENY) {
                continue;
            }
            List<AclOperation> operations = new ArrayList<>();
            if (rule.getOperations() != null) {
                operations.addAll(rule.getOperations());
            }
            if (rule.getOperation() != null) {
                operations.add(rule.getOperation());
            }
            if (!operations.contains(operation) && !operations.contains(AclOperation.ALL)) {
                continue;
            }
            String resourceName;
            AclResourcePatternType pattern;
            if (type.equals("topic") && rule.getResource() instanceof AclRuleTopicResource topic) {
                resourceName = topic.getName();
                pattern = topic.getPatternType();
            } else if (type.equals("group") && rule.getResource() instanceof AclRuleGroupResource group) {
                resourceName = group.getName();
                pattern = group.getPatternType();
            } else {
                continue;
            }
            boolean prefix = pattern == AclResourcePatternType.PREFIX;
            if (resourceName.equals("*") || (prefix ? name.startsWith(resourceName) : name.equals(resourceName))) {
                return true;
            }
        }
        return false;
    }

    // ---- Databases ----

    /**
     * Every service's datasource points at the read-write service of its own CloudNativePG Cluster and database,
     * logs in with that Cluster's managed role, migrates as its owner, and its NetworkPolicy lets it reach that
     * Cluster and no other.
     */
    public List<String> datasources() {
        List<String> problems = new ArrayList<>();
        Map<String, String> clusterOwners = new HashMap<>();
        Set<String> clusters = manifest.ofKind("Cluster").filter(document -> document.group().equals("postgresql.cnpg.io"))
                .map(Manifest.Document::name).collect(Collectors.toSet());
        for (ServiceConfig service : services) {
            Optional<Container> found = container(service);
            if (found.isEmpty()) {
                continue;
            }
            String where = "Deployment " + service.name();
            Map<String, EnvValue> environment = environment(found.get());
            EnvValue url = environment.get(service.urlVariable());
            if (url == null || url.literal() == null) {
                problems.add(where + ": " + service.urlVariable() + " (its datasource URL) is not set");
                continue;
            }
            Matcher matcher = JDBC_URL.matcher(url.literal());
            if (!matcher.matches()) {
                problems.add(where + ": " + service.urlVariable() + " " + url.literal() + " is not a PostgreSQL JDBC URL");
                continue;
            }
            String host = matcher.group(1);
            String database = matcher.group(3);
            String service_ = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            if (!service_.endsWith("-rw")) {
                problems.add(where + ": the datasource host " + host + " is not a Cluster's read-write service (<cluster>-rw)");
                continue;
            }
            String cluster = service_.substring(0, service_.length() - "-rw".length());
            Optional<Manifest.Document> document = manifest.find("Cluster", cluster);
            if (document.isEmpty() || !clusters.contains(cluster)) {
                problems.add(where + ": its datasource points at " + host + ", but there is no Cluster " + cluster);
                continue;
            }
            if (service.database() != null && !service.database().equals(database)) {
                problems.add(where + ": its datasource names database " + database + " of Cluster " + cluster
                        + ", its application.properties names its own database " + service.database());
            }
            String previous = clusterOwners.putIfAbsent(cluster, service.name());
            if (previous != null) {
                problems.add("Cluster " + cluster + " is the database of both " + previous + " and " + service.name());
            }
            JsonNode spec = document.get().tree().path("spec");
            String bootstrapped = spec.path("bootstrap").path("initdb").path("database").asText(null);
            if (!database.equals(bootstrapped)) {
                problems.add(where + ": its datasource names database " + database + ", Cluster " + cluster
                        + " bootstraps " + bootstrapped);
            }
            Set<String> roleSecrets = new java.util.HashSet<>();
            spec.path("managed").path("roles").forEach(role -> {
                if (!role.path("passwordSecret").path("name").isMissingNode()) {
                    roleSecrets.add(role.path("passwordSecret").path("name").asText());
                }
            });
            for (String variable : List.of(service.userVariable(), service.passwordVariable())) {
                EnvValue value = environment.get(variable);
                if (value == null || value.secretName() == null) {
                    problems.add(where + ": " + variable + " does not come from a secret");
                } else if (!roleSecrets.contains(value.secretName())) {
                    problems.add(where + ": " + variable + " comes from secret " + value.secretName()
                            + ", which is no managed role's secret of Cluster " + cluster);
                }
            }
            EnvValue flyway = environment.get("QUARKUS_FLYWAY_PASSWORD");
            if (flyway == null || !(cluster + "-app").equals(flyway.secretName())) {
                problems.add(where + ": QUARKUS_FLYWAY_PASSWORD (the owner, who migrates) must come from " + cluster + "-app");
            }
            problems.addAll(databaseEgress(service, cluster, clusters));
        }
        return problems;
    }

    private List<String> databaseEgress(ServiceConfig service, String cluster, Set<String> clusters) {
        Deployment deployment = deployment(service).orElseThrow();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> policies = manifest.models("NetworkPolicy", NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels)).toList();
        String where = "Deployment " + service.name();
        if (policies.isEmpty()) {
            return List.of(where + ": no NetworkPolicy selects its pods");
        }
        List<String> problems = new ArrayList<>();
        Set<String> reachable = new java.util.TreeSet<>();
        boolean egressPolicy = false;
        for (NetworkPolicy policy : policies) {
            if (policy.getSpec().getPolicyTypes() == null || !policy.getSpec().getPolicyTypes().contains("Egress")) {
                continue;
            }
            egressPolicy = true;
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                if (rule.getTo() == null || rule.getTo().isEmpty()) {
                    problems.add("NetworkPolicy " + policy.getMetadata().getName() + " lets " + service.name() + " reach anything");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null) {
                        String target = peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster");
                        if (target != null) {
                            reachable.add(target);
                        }
                    }
                }
            }
        }
        if (!egressPolicy) {
            problems.add(where + ": no NetworkPolicy restricts its egress");
        } else if (!reachable.equals(Set.of(cluster))) {
            problems.add(where + ": its NetworkPolicy lets it reach the databases " + reachable + ", must be exactly ["
                    + cluster + "]");
        }
        return problems;
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    // ---- Redundancy ----

    /** Brokers, topic copies, min.insync.replicas, database instances and synchronous replication as expected. */
    public List<String> redundancy(Expectations expected) {
        List<String> problems = new ArrayList<>();
        List<Manifest.Document> kafkas = manifest.ofKind("Kafka").toList();
        if (kafkas.size() != 1) {
            problems.add("there must be one Kafka, there are " + kafkas.size());
        }
        for (Manifest.Document kafka : kafkas) {
            JsonNode config = kafka.tree().path("spec").path("kafka").path("config");
            for (String setting : List.of("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor")) {
                if (config.path(setting).asInt(-1) != expected.topicReplicas()) {
                    problems.add(kafka + ": " + setting + " is " + config.path(setting).asText("unset") + ", expected "
                            + expected.topicReplicas());
                }
            }
            if (config.path("min.insync.replicas").asInt(-1) != expected.minInsyncReplicas()) {
                problems.add(kafka + ": min.insync.replicas is " + config.path("min.insync.replicas").asText("unset")
                        + ", expected " + expected.minInsyncReplicas());
            }
            if (config.path("auto.create.topics.enable").asBoolean(true)) {
                problems.add(kafka + ": auto.create.topics.enable must be false (topics come from KafkaTopics)");
            }
            int brokers = manifest.ofKind("KafkaNodePool")
                    .filter(pool -> kafka.name().equals(pool.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                    .filter(pool -> pool.tree().path("spec").path("roles").toString().contains("\"broker\""))
                    .mapToInt(pool -> pool.tree().path("spec").path("replicas").asInt(0)).sum();
            if (brokers != expected.kafkaBrokers()) {
                problems.add(kafka + " has " + brokers + " brokers, expected " + expected.kafkaBrokers());
            }
        }
        Set<String> kafkaNames = kafkas.stream().map(Manifest.Document::name).collect(Collectors.toSet());
        manifest.documents().stream()
                .filter(document -> Set.of("KafkaTopic", "KafkaUser", "KafkaNodePool").contains(document.kind()))
                .filter(document -> !kafkaNames.contains(
                        document.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .forEach(document -> problems.add(document + ": its label strimzi.io/cluster names no Kafka of this manifest"));
        manifest.ofKind("KafkaTopic").forEach(topic -> {
            JsonNode spec = topic.tree().path("spec");
            if (spec.path("replicas").asInt(-1) != expected.topicReplicas()) {
                problems.add(topic + " has " + spec.path("replicas").asText("default") + " replicas, expected "
                        + expected.topicReplicas());
            }
            if (spec.path("config").path("min.insync.replicas").asInt(-1) != expected.minInsyncReplicas()) {
                problems.add(topic + " has min.insync.replicas " + spec.path("config").path("min.insync.replicas").asText("default")
                        + ", expected " + expected.minInsyncReplicas());
            }
        });
        manifest.ofKind("Cluster").filter(document -> document.group().equals("postgresql.cnpg.io")).forEach(cluster -> {
            JsonNode spec = cluster.tree().path("spec");
            if (spec.path("instances").asInt(-1) != expected.databaseInstances()) {
                problems.add(cluster + " has " + spec.path("instances").asText("no") + " instances, expected "
                        + expected.databaseInstances());
            }
            JsonNode synchronous = spec.path("postgresql").path("synchronous");
            if (expected.synchronousReplication()) {
                if (synchronous.isMissingNode() || synchronous.path("number").asInt(0) < 1) {
                    problems.add(cluster + " does not replicate synchronously (postgresql.synchronous with number >= 1)");
                } else if ("preferred".equals(synchronous.path("dataDurability").asText())) {
                    problems.add(cluster + ": dataDurability preferred lets commits go on without a standby");
                }
            }
        });
        return problems;
    }

    // ---- CRD schemas ----

    /** API groups of Kubernetes itself, whose kinds the fabric8 model reads typed. */
    private static final Set<String> BUILT_IN = Set.of("", "apps", "autoscaling", "policy", "batch",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    /**
     * Every custom resource whose kind has a CRD in {@code schemas} (Strimzi's, CloudNativePG's) is valid by that CRD's
     * schema of its version; {@code unchecked} gets the custom kinds that have none there.
     */
    public List<String> schemas(CrdSchemas schemas, Set<String> unchecked) {
        List<String> problems = new ArrayList<>();
        for (Manifest.Document document : manifest.documents()) {
            if (BUILT_IN.contains(document.group())) {
                continue;
            }
            if (!schemas.knows(document.group(), document.kind())) {
                unchecked.add(document.apiVersion() + " " + document.kind());
                continue;
            }
            schemas.validate(document).forEach(problem -> problems.add(document + ": " + problem));
        }
        return problems;
    }

    // ---- helpers ----

    private Optional<Deployment> deployment(ServiceConfig service) {
        return manifest.models("Deployment", Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals(service.name())).findFirst();
    }

    private Optional<Container> container(ServiceConfig service) {
        return deployment(service).flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers()
                .stream().filter(container -> container.getName().equals(service.name())).findFirst()
                .or(() -> deployment.getSpec().getTemplate().getSpec().getContainers().stream().findFirst()));
    }

    /** A variable's value: a literal (given or from a ConfigMap of the manifest), or a secret's key. */
    record EnvValue(String literal, String secretName, String secretKey) {
    }

    /** The container's environment as Kubernetes builds it: envFrom first, env over it. */
    Map<String, EnvValue> environment(Container container) {
        Map<String, EnvValue> environment = new HashMap<>();
        for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            if (source.getConfigMapRef() != null) {
                ConfigMap map = configMaps.get(source.getConfigMapRef().getName());
                if (map != null && map.getData() != null) {
                    String prefix = Objects.requireNonNullElse(source.getPrefix(), "");
                    map.getData().forEach((key, value) -> environment.put(prefix + key, new EnvValue(value, null, null)));
                }
            }
        }
        for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), new EnvValue(Objects.requireNonNullElse(variable.getValue(), ""), null, null));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                environment.put(variable.getName(), new EnvValue(null, variable.getValueFrom().getSecretKeyRef().getName(),
                        variable.getValueFrom().getSecretKeyRef().getKey()));
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                ConfigMap map = configMaps.get(variable.getValueFrom().getConfigMapKeyRef().getName());
                String value = map == null || map.getData() == null ? null
                        : map.getData().get(variable.getValueFrom().getConfigMapKeyRef().getKey());
                environment.put(variable.getName(), new EnvValue(value, null, null));
            }
        }
        return environment;
    }
}

package org.ordercycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The documents of one rendered manifest set (a kustomize overlay, or a plain YAML file), each as its JSON tree and
 * as the fabric8 model reads it: the Kubernetes kinds typed (Deployment, ConfigMap, NetworkPolicy …), Strimzi's
 * KafkaUser typed by the Strimzi model, the other custom resources as generic resources (checked against their
 * CRD schemas instead).
 */
public record Manifest(String name, List<Document> documents) {

    /** One document: the tree as written, and the model fabric8 made of it. */
    public record Document(JsonNode tree, KubernetesResource model) {

        public String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        public String kind() {
            return tree.path("kind").asText();
        }

        public String name() {
            return tree.path("metadata").path("name").asText();
        }

        public String group() {
            String apiVersion = apiVersion();
            return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        }

        public String version() {
            String apiVersion = apiVersion();
            return apiVersion.substring(apiVersion.indexOf('/') + 1);
        }

        @Override
        public String toString() {
            return kind() + " " + name();
        }
    }

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    static {
        // Strimzi's model (0.47) is written for kafka.strimzi.io/v1beta2; the v1 KafkaUser has the same fields the
        // manifests use (authentication, authorization.acls with "operations"), so it reads v1 as well.
        FABRIC8.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaUser", KafkaUser.class);
    }

    /** Renders a kustomize directory with {@code kubectl kustomize}. */
    public static Manifest render(Path kubectl, Path kustomization) {
        try {
            Path output = Files.createTempFile("kustomize-", ".yaml");
            Path errors = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
                            + Files.readString(errors).strip());
                }
                return parse(kustomization.toString(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a file of YAML documents as it is (no kustomize). */
    public static Manifest read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest parse(String name, String yaml) {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> trees = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (trees.hasNext()) {
                JsonNode tree = trees.next();
                if (tree == null || tree.isNull() || tree.isMissingNode() || tree.isEmpty()) {
                    continue;
                }
                KubernetesResource model = FABRIC8.unmarshal(JSON.writeValueAsString(tree), KubernetesResource.class);
                documents.add(new Document(tree, model));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new Manifest(name, List.copyOf(documents));
    }

    /** The kubectl to render with: system property {@code ordercycle.kubectl}, else the first on the PATH. */
    public static Optional<Path> kubectl() {
        String configured = System.getProperty("ordercycle.kubectl");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public Stream<Document> ofKind(String kind) {
        return documents.stream().filter(document -> document.kind().equals(kind));
    }

    /** The typed models of a kind, e.g. {@code models("Deployment", Deployment.class)}. */
    public <T extends HasMetadata> List<T> models(String kind, Class<T> type) {
        return ofKind(kind).map(Document::model).filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Document> find(String kind, String name) {
        return ofKind(kind).filter(document -> document.name().equals(name)).findFirst();
    }
}

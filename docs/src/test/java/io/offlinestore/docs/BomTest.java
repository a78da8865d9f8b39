package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM users import ({@code offline-bom/pom.xml}) lists every published module of the build at
 * the project's version, and the JUnit the test kit is built against: it has no parent (so that
 * it pins none of our libraries in users' builds), so nothing else keeps it in step.
 */
class BomTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString().equals("docs")
            ? Path.of("..") : Path.of("");

    @Test
    void theBomListsEveryPublishedArtifactAtTheProjectVersion() throws Exception {
        Element root = pom(ROOT.resolve("pom.xml"));
        String version = child(root, "version");
        Map<String, String> expected = new TreeMap<>();
        for (String module : children(first(root, "modules"), "module")) {
            Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
            Element properties = first(pom, "properties");
            boolean published = !"offline-bom".equals(module)
                    && (properties == null || !"true".equals(child(properties, "maven.deploy.skip")));
            if (published) {
                expected.put(child(pom, "artifactId"), version);
            }
        }
        Element bom = pom(ROOT.resolve("offline-bom/pom.xml"));
        assertEquals(version, child(bom, "version"), "offline-bom's version");
        Map<String, String> listed = new TreeMap<>();
        String junit = null;
        for (Element dependency : elements(first(first(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            if (child(dependency, "groupId").equals("io.offlinestore")) {
                listed.put(child(dependency, "artifactId"), child(dependency, "version"));
            } else if (child(dependency, "artifactId").equals("junit-bom")) {
                junit = child(dependency, "version");
            }
        }
        assertEquals(expected, listed, "the artifacts offline-bom lists, with their versions");
        assertEquals(child(first(root, "properties"), "junit.version"), junit, "the JUnit BOM offline-bom imports");
    }

    private static Element pom(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static Element first(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> children(Element parent, String name) {
        return elements(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
    }
}

package com.carcatalog.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of the project uses which, read from the main sources: every {@code com.carcatalog}
 * class a file names (an import, a static import or a qualified name in the code) is a dependency
 * of the file's package on that class's package (comments, Javadoc links included, do not count).
 * Each edge remembers the classes behind it, so a
 * cycle is reported with the files to change.
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A qualified reference: lower-case package segments, then a class name. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|^\\s*//[^\\n]*", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.carcatalog(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");

    /** package → package it uses → the classes (file → used class) behind that use. */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

    private PackageGraph() {
    }

    /** The graph of every {@code <module>/src/main/java} below {@code root}. */
    static PackageGraph ofMainSources(Path root) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.put(root.relativize(file).toString(), Files.readString(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(sources);
    }

    /** The graph of the given sources, file name → its text. */
    static PackageGraph of(Map<String, String> sources) {
        PackageGraph graph = new PackageGraph();
        sources.forEach(graph::add);
        return graph;
    }

    private void add(String file, String text) {
        String source = COMMENT.matcher(text).replaceAll("");
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find()) {
            return;
        }
        String from = declared.group(1);
        edges.computeIfAbsent(from, p -> new TreeMap<>());
        Matcher reference = REFERENCE.matcher(source);
        reference.region(declared.end(), source.length());
        while (reference.find()) {
            String to = reference.group(1);
            if (!to.equals(from)) {
                String fileName = file.substring(file.lastIndexOf('/') + 1);
                edges.get(from).computeIfAbsent(to, p -> new TreeSet<>()).add(fileName + " → " + to + "." + reference.group(2));
            }
        }
    }

    /** The graph without what names these classes or is written in them (known cycles, set apart). */
    PackageGraph without(Set<String> classNames) {
        PackageGraph graph = new PackageGraph();
        edges.forEach((from, uses) -> {
            graph.edges.computeIfAbsent(from, p -> new TreeMap<>());
            uses.forEach((to, because) -> {
                Set<String> kept = new TreeSet<>(because);
                kept.removeIf(use -> classNames.stream().anyMatch(name -> writtenIn(name, from, use) || use.endsWith(" " + name)));
                if (!kept.isEmpty()) {
                    graph.edges.get(from).put(to, kept);
                }
            });
        });
        return graph;
    }

    Set<String> packages() {
        return edges.keySet();
    }

    /** Every group of packages that use each other in a circle (strongly connected, two or more). */
    List<Set<String>> cycles() {
        List<Set<String>> cycles = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        for (String start : edges.keySet()) {
            if (placed.contains(start)) {
                continue;
            }
            Set<String> group = new TreeSet<>();
            for (String other : reachableFrom(start)) {
                if (reachableFrom(other).contains(start)) {
                    group.add(other);
                }
            }
            if (group.size() > 1) {
                cycles.add(group);
                placed.addAll(group);
            }
        }
        return cycles;
    }

    /** The uses between the packages of one cycle, to say which classes make it. */
    List<String> usesWithin(Set<String> cycle) {
        List<String> uses = new ArrayList<>();
        for (String from : new TreeSet<>(cycle)) {
            edges.get(from).forEach((to, because) -> {
                if (cycle.contains(to)) {
                    uses.add(from + " uses " + to + ": " + String.join(", ", because));
                }
            });
        }
        return uses;
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new TreeSet<>();
        List<String> pending = new ArrayList<>(List.of(start));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (seen.add(next)) {
                pending.addAll(edges.getOrDefault(next, Map.of()).keySet());
            }
        }
        return seen;
    }

    private static boolean writtenIn(String className, String usingPackage, String use) {
        int dot = className.lastIndexOf('.');
        return className.substring(0, dot).equals(usingPackage) && use.startsWith(className.substring(dot + 1) + ".java ");
    }
}

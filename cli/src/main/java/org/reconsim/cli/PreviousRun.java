package org.reconsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.reconsim.results.evaluation.Journal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an existing output folder holds: the files an earlier reconsim run wrote there (its
 * "own" files) and any others. A run folder is recognised by its manifest.json (a finished run:
 * the manifest lists its outputs) or by its checkpoint (an unfinished power run's checkpoint.bin,
 * an inference run's checkpoint.journal, which names the command). {@code --force} replaces an
 * earlier run only when every file in the folder is such an own file, so that it never deletes
 * a file reconsim did not write; every own file's {@code .partial} (a file being written) and the
 * lock of a killed run count as own too.
 *
 * @param dir        the folder
 * @param files      every entry that is not a folder, relative to {@code dir}, by name
 * @param command    the earlier run's command, or null when no manifest or checkpoint names one
 * @param unfinished whether the folder holds a checkpoint (the run can be resumed)
 * @param own        the entries of {@code files} an earlier run wrote
 */
record PreviousRun(Path dir, List<Path> files, String command, boolean unfinished, Set<Path> own) {

    static final String LOCK = "run.lock";
    static final String MANIFEST = "manifest.json";

    /** The outputs of runs whose manifest does not list them, or that were interrupted before writing one. */
    private static final Map<String, List<String>> OUTPUTS = Map.of(
            "power", List.of("power.csv", "report.html", "replicates.csv"),
            "run", RunService.FILES,
            "pk", List.of("pk.csv", "pk.svg"),
            "phenomena", List.of("phenomena.csv", "report.html"),
            "check", CheckService.FILES,
            "calibrate", CalibrateService.FILES,
            "discriminate", List.of("confusion.csv", "accuracy.csv", "report.html"),
            "sensitivity", List.of("sensitivity.csv", "evaluations.csv", "report.html"));

    PreviousRun {
        files = List.copyOf(files);
        own = Set.copyOf(own);
    }

    /** Reads what {@code dir} (an existing folder) holds. */
    static PreviousRun of(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> files.add(dir.relativize(p)));
        }
        // in a stable order, for the messages that name some of them
        files.sort(java.util.Comparator.comparing(Path::toString));
        Set<String> names = new LinkedHashSet<>(List.of(LOCK));
        String command = null;
        boolean unfinished = false;
        if (Files.isRegularFile(dir.resolve(Checkpoint.FILE))) {
            command = "power";
            unfinished = true;
            names.addAll(List.of(Checkpoint.FILE, Checkpoint.FILE + ".tmp"));
        }
        if (Files.isRegularFile(dir.resolve(InferenceRun.FILE))) {
            unfinished = true;
            names.add(InferenceRun.FILE);
            try {
                command = Journal.readHeader(dir.resolve(InferenceRun.FILE)).command();
            } catch (IOException | RuntimeException e) {
                // not a journal this version reads: the run cannot be resumed, and no other file is taken as its own
            }
        }
        if (Files.isRegularFile(dir.resolve(MANIFEST))) {
            JsonNode manifest = manifest(dir.resolve(MANIFEST));
            if (manifest != null) {
                names.add(MANIFEST);
                if (command == null) {
                    command = manifest.path("command").asString(null);
                }
                for (JsonNode output : manifest.path("outputs")) {
                    names.add(output.asString());
                }
            }
        }
        if (command != null) {
            names.addAll(OUTPUTS.getOrDefault(command, List.of()));
        }
        Set<Path> own = new LinkedHashSet<>();
        for (Path f : files) {
            String name = f.toString().replace(dir.getFileSystem().getSeparator(), "/");
            String written = name.endsWith(".partial") ? name.substring(0, name.length() - ".partial".length()) : name;
            if (names.contains(written) && Files.isRegularFile(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
                own.add(f);
            }
        }
        return new PreviousRun(dir, files, command, unfinished, own);
    }

    /** A reconsim manifest, or null when the file is not one (then it is the user's). */
    private static JsonNode manifest(Path file) {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
            return root.has("reconsim_version") && root.has("command") ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Nothing in the folder but perhaps the lock a killed run left. */
    boolean empty() {
        return files.stream().allMatch(f -> f.toString().equals(LOCK));
    }

    /** The files no reconsim run wrote. */
    List<Path> foreign() {
        return files.stream().filter(f -> !own.contains(f)).toList();
    }

    /** Whether a finished or unfinished reconsim run wrote here. */
    boolean isRun() {
        return command != null;
    }

    /** "a, b and 3 more": a few of {@code paths}, for a message. */
    static String some(List<Path> paths) {
        int shown = Math.min(3, paths.size());
        String listed = String.join(", ", paths.subList(0, shown).stream().map(Path::toString).toList());
        return paths.size() > shown ? listed + " and " + (paths.size() - shown) + " more" : listed;
    }

    /**
     * Deletes the earlier run's files, then the folders they were in if that left them empty
     * (a BIDS dataset's subject folders); the folder itself stays.
     */
    void delete() throws IOException {
        Set<Path> parents = new LinkedHashSet<>();
        for (Path f : own) {
            Files.deleteIfExists(dir.resolve(f));
            for (Path p = f.getParent(); p != null; p = p.getParent()) {
                parents.add(p);
            }
        }
        List<Path> deepestFirst = new ArrayList<>(parents);
        deepestFirst.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        for (Path p : deepestFirst) {
            try (Stream<Path> left = Files.list(dir.resolve(p))) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir.resolve(p));
                }
            }
        }
    }
}

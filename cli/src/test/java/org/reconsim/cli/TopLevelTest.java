package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

import picocli.CommandLine;

/**
 * What a new user meets first: {@code reconsim} alone and {@code reconsim --help} list every
 * command, a mistyped option or command gets picocli's suggestion, and generate and pk take
 * --threads with the same bytes on any number of them.
 */
class TopLevelTest {

    private static List<String> commands() {
        return List.copyOf(new CommandLine(new ReconsimCommand()).getSubcommands().keySet());
    }

    @Test
    void reconsimAloneAndItsHelpListEveryCommand() {
        assertThat(commands()).hasSizeGreaterThanOrEqualTo(11);
        Result alone = run();
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err()).startsWith("reconsim: a command is required\nUsage: reconsim");
        Result help = run("--help");
        assertThat(help.code()).isZero();
        for (String command : commands()) {
            assertThat(alone.err()).as(command).containsPattern("(?m)^  " + command + " ");
            assertThat(help.out()).as(command).containsPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void aMistypedOptionOrCommandGetsASuggestion() {
        Result option = run("power", DUEK, "--replicats", "5");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).isEqualTo("reconsim: Unknown option: '--replicats'\nDid you mean: --replicates?\n"
                + "Try 'reconsim power --help' for more information.\n");
        Result command = run("pwoer", DUEK);
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).startsWith("reconsim: Unmatched arguments from index 0: 'pwoer'")
                .contains("\nDid you mean: power?\n");
        assertThat(ReconsimCommand.levenshtein("--replicats", "--replicates")).isEqualTo(1);
        assertThat(ReconsimCommand.levenshtein("pwoer", "power")).isEqualTo(2);
        assertThat(ReconsimCommand.levenshtein("", "pk")).isEqualTo(2);
    }

    @Test
    void generateIsByteIdenticalOnOneAndTwoThreads(@TempDir Path tmp) throws Exception {
        for (String threads : List.of("1", "2")) {
            Result r = run("generate", DUEK, "--n-per-arm", "9", "--timeseries", "--seed", "4", "--threads", threads, "--out",
                    tmp.resolve("t" + threads).toString(), "--quiet");
            assertThat(r.code()).as(r.err()).isZero();
        }
        SameOutputs.assertSameFiles(tmp.resolve("t1"), tmp.resolve("t2"));
        assertThat(java.nio.file.Files.readString(tmp.resolve("t2/manifest.json"))).contains("\"threads\" : 2");
    }

    @Test
    void pkIsByteIdenticalOnOneAndTwoThreads(@TempDir Path tmp) throws Exception {
        for (String threads : List.of("1", "2")) {
            Result r = run("pk", DUEK, "--subjects", "301", "--seed", "4", "--threads", threads, "--out",
                    tmp.resolve("t" + threads).toString(), "--quiet");
            assertThat(r.code()).as(r.err()).isZero();
        }
        SameOutputs.assertSameFiles(tmp.resolve("t1"), tmp.resolve("t2"));
    }
}

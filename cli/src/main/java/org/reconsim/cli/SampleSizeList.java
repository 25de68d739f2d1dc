package org.reconsim.cli;

import java.util.List;

import org.reconsim.results.power.SampleSizes;

import picocli.CommandLine.ITypeConverter;

/**
 * The patients-per-arm values of power's --n-per-arm, {@code 12,96} or {@code 10:100:5}: sorted,
 * distinct, each within 2..100000. A record rather than a bare List because picocli reads a List
 * option as one that is repeated.
 */
record SampleSizeList(List<Integer> sizes) {

    SampleSizeList {
        sizes = List.copyOf(sizes);
    }

    static SampleSizeList parse(String text) {
        try {
            return new SampleSizeList(SampleSizes.parse(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reconsim: --n-per-arm: " + e.getMessage());
        }
    }

    /** As the option is written back into a checkpoint: the list form. */
    @Override
    public String toString() {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    static final class Converter implements ITypeConverter<SampleSizeList> {
        @Override
        public SampleSizeList convert(String text) {
            return parse(text);
        }
    }
}

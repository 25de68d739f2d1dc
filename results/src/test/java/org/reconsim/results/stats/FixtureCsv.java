package org.reconsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV fixtures the R scripts under test resources wrote (NA for missing). */
final class FixtureCsv {

    private FixtureCsv() {
    }

    /** The rows of {@code resource}, after checking that its header is {@code header}. */
    static List<String[]> read(String resource, String header) throws IOException {
        try (InputStream in = FixtureCsv.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo(header);
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        }
    }

    static double number(String field) {
        return field.equals("NA") ? Double.NaN : Double.parseDouble(field);
    }
}

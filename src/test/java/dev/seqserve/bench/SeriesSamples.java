package dev.seqserve.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Series for {@code /forecast} requests: stretches of a real daily series (a synthetic seasonal one
 * when the file is absent), each ending at a different day.
 *
 * @param values the whole series, oldest first
 * @param source where it came from, for the report
 */
record SeriesSamples(double[] values, String source) {

    /** @param file a {@code timestamp,value} CSV, or {@code null} or a missing file for the synthetic series */
    static SeriesSamples load(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            double[] values = new double[3_000];
            Random random = new Random(7);
            for (int t = 0; t < values.length; t++) {
                values[t] = 11 + 4 * Math.sin(2 * Math.PI * t / 365.25) + random.nextGaussian();
            }
            return new SeriesSamples(values, "synthetic seasonal series (no series file found)");
        }
        List<Double> values = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                values.add(Double.parseDouble(record.get(1)));
            }
        }
        return new SeriesSamples(values.stream().mapToDouble(Double::doubleValue).toArray(),
                file + " (" + values.size() + " values)");
    }

    /** {@code count} stretches of {@code length} values (at most the whole series), ending at random days. */
    List<double[]> stretches(int count, int length) {
        int n = Math.min(length, values.length);
        Random random = new Random(11);
        List<double[]> stretches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int end = n + random.nextInt(values.length - n + 1);
            double[] stretch = new double[n];
            System.arraycopy(values, end - n, stretch, 0, n);
            stretches.add(stretch);
        }
        return stretches;
    }
}

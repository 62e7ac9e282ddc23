package com.carcatalog.local.testdata;

import com.carcatalog.core.car.Column;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates large, realistic car catalogs for ingestion tests and benchmarks, in the format of
 * {@code test-data/cars.csv}. Realistic means skewed: a few manufacturers dominate (Zipf), most
 * models have a handful of variants and a few have dozens, engines and model names run into the
 * thousands, and a configurable share of rows are exact duplicates, as in real uploads.
 *
 * <p>Deterministic: the same vocabulary, seed, size and duplicate fraction give byte-identical
 * output. Rows are produced one at a time, so a catalog of any size is never held in memory.
 *
 * <p>Command line: {@code --rows N --seed S --duplicates F --out PATH [--base CSV]}; see
 * {@link #USAGE}.
 */
public final class CarCatalogGenerator {

    public static final double DEFAULT_DUPLICATE_FRACTION = 0.02;
    public static final long DEFAULT_ROWS = 10_000;
    public static final long DEFAULT_SEED = 42;

    static final String USAGE = """
            usage: CarCatalogGenerator [--rows N] [--seed S] [--duplicates F] [--out PATH] [--base CSV]
              --rows N        number of data rows after the header (default 10000)
              --seed S        random seed; same seed and options give identical output (default 42)
              --duplicates F  fraction of rows that repeat an earlier row exactly, 0 to 1 (default 0.02)
              --out PATH      file to write, UTF-8 with LF line endings (default: standard output)
              --base CSV      take manufacturers, models and engines from this catalog
                              instead of the built-in vocabulary""";

    private final Vocabulary vocabulary;
    private final long rows;
    private final long seed;
    private final double duplicateFraction;

    public CarCatalogGenerator(Vocabulary vocabulary, long rows, long seed, double duplicateFraction) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        if (!(duplicateFraction >= 0 && duplicateFraction < 1)) {
            throw new IllegalArgumentException("duplicate fraction must be at least 0 and below 1, got "
                    + duplicateFraction);
        }
        this.vocabulary = vocabulary;
        this.rows = rows;
        this.seed = seed;
        this.duplicateFraction = duplicateFraction;
    }

    /** A generator over the built-in vocabulary with the default duplicate fraction. */
    public static CarCatalogGenerator builtIn(long rows, long seed) {
        return new CarCatalogGenerator(Vocabulary.builtIn(), rows, seed, DEFAULT_DUPLICATE_FRACTION);
    }

    /** The CSV header: the catalog columns in order, as in {@code test-data/cars.csv}. */
    public static List<String> header() {
        return Column.all().stream().map(Column::attributeName).toList();
    }

    /**
     * The data rows (no header), eight values each in {@link #header()} order. Lazy and
     * sequential; every call starts again from the seed and yields the same rows.
     */
    public Stream<List<String>> rows() {
        Iterator<List<String>> run = new CatalogRun(vocabulary, rows, seed, duplicateFraction);
        return StreamSupport.stream(Spliterators.spliterator(run, rows,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** Writes header and rows as CSV with LF line endings; the caller owns (and closes) the writer. */
    public void writeCsv(Writer out) throws IOException {
        writeLine(out, header());
        Iterator<List<String>> run = new CatalogRun(vocabulary, rows, seed, duplicateFraction);
        while (run.hasNext()) {
            writeLine(out, run.next());
        }
        out.flush();
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command line, testable: returns the exit status instead of exiting. */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.println(USAGE);
            return 2;
        }
        if (options.help()) {
            stdout.println(USAGE);
            return 0;
        }
        try {
            Vocabulary vocabulary = options.base() == null ? Vocabulary.builtIn() : Vocabulary.fromCsv(options.base());
            CarCatalogGenerator generator =
                    new CarCatalogGenerator(vocabulary, options.rows(), options.seed(), options.duplicates());
            long started = System.nanoTime();
            if (options.out() == null) {
                Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
                generator.writeCsv(out);
            } else {
                try (Writer out = Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8)) {
                    generator.writeCsv(out);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            stderr.printf(Locale.ROOT, "wrote %d rows to %s in %.2f s (%.0f rows/s)%n", options.rows(),
                    options.out() == null ? "standard output" : options.out(), seconds,
                    options.rows() / Math.max(seconds, 1e-9));
            return 0;
        } catch (IOException | RuntimeException e) {
            stderr.println("cannot generate catalog: " + e.getMessage());
            return 1;
        }
    }

    /** One CSV line of these values (RFC 4180 quoting where needed), LF-terminated. */
    public static void writeLine(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(out, values.get(i));
        }
        out.write('\n');
    }

    /** RFC 4180 quoting, needed only when a value from a base CSV holds a comma or a quote. */
    private static void writeField(Writer out, String value) throws IOException {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.write(value);
        } else {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        }
    }

    /** The parsed command line. */
    private record Options(long rows, long seed, double duplicates, Path out, Path base, boolean help) {

        static Options parse(String[] args) {
            long rows = DEFAULT_ROWS;
            long seed = DEFAULT_SEED;
            double duplicates = DEFAULT_DUPLICATE_FRACTION;
            Path out = null;
            Path base = null;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    return new Options(rows, seed, duplicates, out, base, true);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--rows" -> rows = parseLong(flag, value);
                    case "--seed" -> seed = parseLong(flag, value);
                    case "--duplicates" -> duplicates = parseDouble(flag, value);
                    case "--out" -> out = "-".equals(value) ? null : Path.of(value);
                    case "--base" -> base = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            return new Options(rows, seed, duplicates, out, base, false);
        }

        private static long parseLong(String flag, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
            }
        }

        private static double parseDouble(String flag, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number such as 0.02, got " + value);
            }
        }
    }
}

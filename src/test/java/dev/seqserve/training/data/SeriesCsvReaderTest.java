package dev.seqserve.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFailure(Path file, int line, String reason) {
        return assertThatThrownBy(() -> SeriesCsvReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line " + line + ":")
                .hasMessageContaining(reason);
    }

    @Test
    void fillsMissingDaysOnTheStraightLineAndReportsThem() throws Exception {
        Path file = write("t.csv", "timestamp,temp_c\n2020-02-27,10\n2020-02-28,11\n2020-03-02,17\n2020-03-03,18\n");
        Series s = SeriesCsvReader.read(file);
        assertThat(s.frequency()).isEqualTo(Frequency.DAILY);
        assertThat(s.column()).isEqualTo("temp_c");
        assertThat(s.values()).containsExactly(10, 11, 13, 15, 17, 18);
        assertThat(s.gaps().missingDates()).containsExactly(LocalDate.of(2020, 2, 29), LocalDate.of(2020, 3, 1));
        Gap gap = s.gaps().gaps().get(0);
        assertThat(gap.line()).isEqualTo(4);
        assertThat(s.gaps().describe()).isEqualTo("2 missing dates filled by linear interpolation between the neighbouring"
                + " values: 2020-02-29 = 13.00, 2020-03-01 = 15.00 (between 2020-02-28 = 11.00 and 2020-03-02 = 17.00).");
        assertThat(s.indexOf(LocalDate.of(2020, 3, 2))).isEqualTo(4);
        assertThat(s.date(5)).isEqualTo(LocalDate.of(2020, 3, 3));
    }

    @Test
    void refusesGapsWhenAskedTo() throws Exception {
        Path file = write("t.csv", "timestamp,temp_c\n2020-02-27,10\n2020-02-28,11\n2020-03-02,17\n");
        assertThatThrownBy(() -> SeriesCsvReader.read(file, SeriesCsvReader.GapPolicy.FAIL))
                .hasMessageContaining("line 4: 2 missing date(s) between 2020-02-28 and 2020-03-02");
    }

    @Test
    void canCarryTheLastValueForwardInstead() throws Exception {
        Path file = write("t.csv", "timestamp,temp_c\n2020-02-27,10\n2020-02-28,11\n2020-03-02,17\n");
        Series s = SeriesCsvReader.read(file, SeriesCsvReader.GapPolicy.CARRY_FORWARD);
        assertThat(s.values()).containsExactly(10, 11, 11, 11, 17);
        assertThat(s.gaps().describe()).startsWith("2 missing dates filled by carrying the previous value forward:");
    }

    @Test
    void detectsMonthlySeriesIncludingYearMonthDates() throws Exception {
        Series s = SeriesCsvReader.read(write("m.csv", "timestamp,passengers_thousands\n1949-01,112\n1949-02,118\n1949-04,132\n"));
        assertThat(s.frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(s.values()).containsExactly(112, 118, 125, 132);
        assertThat(s.gaps().missingDates()).containsExactly(LocalDate.of(1949, 3, 1));
        assertThat(s.end()).isEqualTo(LocalDate.of(1949, 5, 1));
    }

    @Test
    void detectsWeeklySeries() throws Exception {
        Series s = SeriesCsvReader.read(write("w.csv", "timestamp,n\n2024-01-01,1\n2024-01-08,2\n2024-01-22,4\n2024-01-29,5\n"));
        assertThat(s.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(s.values()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aNonNumericValueIsRejected() throws Exception {
        assertFailure(write("v.csv", "timestamp,temp_c\n2020-01-01,10\n2020-01-02,n/a\n"), 3, "value \"n/a\" is not a number");
    }

    @Test
    void anEmptyValueIsRejected() throws Exception {
        assertFailure(write("v.csv", "timestamp,temp_c\n2020-01-01,\n2020-01-02,1\n"), 2, "value \"\" is not a number");
    }

    @Test
    void aDuplicateDateIsRejected() throws Exception {
        assertFailure(write("d.csv", "timestamp,temp_c\n2020-01-01,10\n2020-01-02,11\n2020-01-02,12\n"), 4,
                "duplicate date 2020-01-02 (also on line 3)");
    }

    @Test
    void anOutOfOrderDateIsRejected() throws Exception {
        assertFailure(write("o.csv", "timestamp,temp_c\n2020-01-01,10\n2020-01-03,11\n2020-01-02,12\n"), 4,
                "date 2020-01-02 comes after 2020-01-03 on line 3; dates must increase");
    }

    @Test
    void aDateThatIsNotIsoIsRejected() throws Exception {
        assertFailure(write("i.csv", "timestamp,temp_c\n01/02/2020,10\n"), 2, "timestamp \"01/02/2020\" is not an ISO date");
    }

    @Test
    void aMissingColumnIsRejected() throws Exception {
        assertFailure(write("c.csv", "date,temp_c\n2020-01-01,10\n"), 1, "missing column \"timestamp\"");
        assertFailure(write("c3.csv", "timestamp,a,b\n2020-01-01,10,11\n"), 1, "expected 2 columns");
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRejected() throws Exception {
        assertFailure(write("e.csv", ""), 1, "the file is empty");
        assertFailure(write("h.csv", "timestamp,temp_c\n"), 2, "no data after the header");
    }

    @Test
    void irregularDatesHaveNoFrequency() throws Exception {
        Path file = write("r.csv", "timestamp,x\n2020-01-31,1\n2020-02-29,2\n2020-03-31,3\n2020-04-30,4\n");
        assertThatThrownBy(() -> SeriesCsvReader.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot tell the frequency");
    }

    @Test
    void readsMelbourneWithItsTwoRealGaps() throws Exception {
        Series s = SeriesCsvReader.read(SharedData.require("series/melbourne_daily_min_temp_1981_1989.csv"));
        assertThat(s.frequency()).isEqualTo(Frequency.DAILY);
        assertThat(s.size()).isEqualTo(3287);
        assertThat(s.gaps().missingDates()).containsExactly(LocalDate.of(1984, 12, 31), LocalDate.of(1988, 12, 31));
        int i = s.indexOf(LocalDate.of(1984, 12, 31));
        assertThat(s.value(i)).isCloseTo((s.value(i - 1) + s.value(i + 1)) / 2, within(1e-12));
        assertThat(s.indexOf(LocalDate.of(1989, 1, 1))).isEqualTo(2922);
    }

    @Test
    void readsTheAirlineSeriesAsMonthlyWithoutGaps() throws Exception {
        Series s = SeriesCsvReader.read(SharedData.require("series/airline_passengers_1949_1958.csv"));
        assertThat(s.frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(s.size()).isEqualTo(120);
        assertThat(s.gaps().isEmpty()).isTrue();
        assertThat(s.column()).isEqualTo("passengers_thousands");
        assertThat(s.indexOf(LocalDate.of(1958, 1, 1))).isEqualTo(108);
    }
}

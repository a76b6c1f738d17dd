package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.artifact.Manifest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalerTest {

    private static final double[] TRAIN = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void standardScalerUsesTheTrainingMeanAndPopulationStd() {
        StandardScaler s = StandardScaler.fit(TRAIN);
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.std()).isEqualTo(2.0);
        assertThat(s.scale(9)).isEqualTo(2.0);
        assertThat(s.unscale(s.scale(3.7))).isCloseTo(3.7, within(1e-12));
    }

    @Test
    void minMaxScalerMapsTheTrainingRangeToZeroOne() {
        Scaler s = Scaler.fit("minmax", TRAIN);
        assertThat(s.scale(2)).isEqualTo(0.0);
        assertThat(s.scale(9)).isEqualTo(1.0);
        assertThat(s.spread()).isEqualTo(7.0);
    }

    @Test
    void aConstantSeriesStillScales() {
        assertThat(StandardScaler.fit(new double[] {3, 3, 3}).std()).isEqualTo(1.0);
        assertThat(MinMaxScaler.fit(new double[] {3, 3}).scale(4)).isEqualTo(1.0);
    }

    @Test
    void everyKindSurvivesTheManifest() {
        for (String kind : new String[] {"standard", "minmax", "none"}) {
            Scaler fitted = Scaler.fit(kind, TRAIN);
            Manifest.Scaler recorded = fitted.toManifest();
            assertThat(recorded.kind()).isEqualTo(kind);
            assertThat(Scaler.fromManifest(recorded).scale(6.5)).isEqualTo(fitted.scale(6.5));
        }
    }

    @Test
    void badManifestsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Scaler.fromManifest(new Manifest.Scaler("robust", Map.of())))
                .hasMessageContaining("unknown scaler kind \"robust\"");
        assertThatThrownBy(() -> Scaler.fromManifest(new Manifest.Scaler("standard", Map.of("mean", 1.0))))
                .hasMessageContaining("\"std\" is missing");
        assertThatThrownBy(() -> Scaler.fromManifest(new Manifest.Scaler("standard", Map.of("mean", 1.0, "std", 0.0))))
                .hasMessageContaining("positive std");
    }
}

package dev.seqserve.training.data;

/** Parses the label and the star rating, which both review formats carry. */
final class Labels {

    static final String POSITIVE = "pos";
    static final String NEGATIVE = "neg";

    private Labels() {}

    static boolean positive(String label, CsvSource source, long line) {
        return switch (label) {
            case POSITIVE -> true;
            case NEGATIVE -> false;
            default -> throw source.error(line, "unknown label \"" + label + "\" (expected pos or neg)");
        };
    }

    /** @return the rating, or -1 when it is not an integer from 1 to 10 */
    static int parseRating(String rating) {
        try {
            int value = Integer.parseInt(rating.trim());
            return value >= 1 && value <= 10 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int rating(String rating, CsvSource source, long line) {
        int value = parseRating(rating);
        if (value < 0) {
            throw source.error(line, "rating \"" + rating + "\" is not an integer from 1 to 10");
        }
        return value;
    }
}

package racecases;

/**
 * A Go variable that closures share: Java's lambdas capture values, so the ports share one of
 * these.
 */
final class V {
    int v;
    long l;
    V p;
}

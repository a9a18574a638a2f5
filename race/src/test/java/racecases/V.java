package racecases;

import java.util.function.IntUnaryOperator;

/**
 * A Go variable that closures share: Java's lambdas capture values, so the ports share one of
 * these.
 */
final class V {
    int v;
    long l;
    V p;
    double d;
    String s;
    IntUnaryOperator f;
}

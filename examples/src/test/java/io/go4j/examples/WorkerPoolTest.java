package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.junit.CheckGoroutineLeaks;
import io.go4j.junit.DumpGoroutinesOnTimeout;
import io.go4j.junit.GoMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example of go4j-junit's README (junit/README.md), as it is printed there. */
@CheckGoroutineLeaks                 // defer goleak.VerifyNone(t), for every test of the class
@DumpGoroutinesOnTimeout             // a timeout prints go4j's goroutine dump
@Timeout(10)
class WorkerPoolTest {

    @Test
    @GoMain                          // the body is the main goroutine of Go.main
    void everyJobIsDone() {
        Chan<Integer> jobs = Chan.make(5);
        Chan<Integer> results = Chan.make(5);
        for (int w = 0; w < 3; w++) {
            Go.go(() -> { for (int j : jobs) results.send(j * 2); });
        }
        for (int j = 1; j <= 5; j++) jobs.send(j);
        jobs.close();
        int sum = 0;
        for (int j = 1; j <= 5; j++) sum += results.receive();
        assertEquals(30, sum);
    }
}

package org.ordercycle.systemtests;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Stops the shared suite when the JVM's tests are done (registered in META-INF/services). */
public class SharedSuiteCloser implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        SharedSuite.close();
    }
}

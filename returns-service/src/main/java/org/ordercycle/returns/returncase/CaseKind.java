package org.ordercycle.returns.returncase;

/** A return sends goods back; a claim (late delivery, missing part, service not as agreed) has none. */
public enum CaseKind {
    RETURN,
    CLAIM
}

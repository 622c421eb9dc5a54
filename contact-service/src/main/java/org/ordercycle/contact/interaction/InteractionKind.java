package org.ordercycle.contact.interaction;

public enum InteractionKind {
    CALL, VISIT, EMAIL, MEETING, AGREEMENT
}

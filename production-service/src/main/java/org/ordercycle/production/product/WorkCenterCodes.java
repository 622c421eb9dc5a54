package org.ordercycle.production.product;

/** Whether a work center exists, without the product catalogue depending on the schedule's classes. */
final class WorkCenterCodes {

    private WorkCenterCodes() {
    }

    static boolean unknown(String code) {
        return Product.getEntityManager().createNativeQuery("select count(*) from work_center where code = ?1")
                .setParameter(1, code).getSingleResult() instanceof Number count && count.longValue() == 0;
    }
}

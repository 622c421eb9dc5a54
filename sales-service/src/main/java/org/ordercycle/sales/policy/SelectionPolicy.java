package org.ordercycle.sales.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.product.Product;
import org.ordercycle.sales.product.ProductFigures;

/**
 * Which orders the company takes at once and which a sales manager decides: each order gets a score from 0 to 100,
 * the weighted mean of four criteria (weights {@code sales.selection.*-weight}):
 * <ul>
 * <li><b>tier</b>: the customer's importance ({@code sales.selection.tier-scores}, e.g. A=100);</li>
 * <li><b>margin</b>: the order's margin over production's unit cost as a share of the target margin (0 % or less
 * scores 0, the target or more 100; 50 while a line's cost is unknown);</li>
 * <li><b>capacity fit</b>: 100 when stock covers every line now, 60 when production has surplus capacity for the
 * short ones, 20 when it has none; 50 for a product production has not announced (the worst line counts);</li>
 * <li><b>date urgency</b>: 100 when the promised date meets the requested one, less
 * {@code urgency-penalty-per-day} for each day later.</li>
 * </ul>
 * An order scoring at least {@code sales.selection.auto-accept-threshold} is accepted automatically.
 */
@ApplicationScoped
public class SelectionPolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SalesConfig.Selection config;

    SelectionPolicy(SalesConfig config) {
        this.config = config.selection();
    }

    /** One line's demand: so much of a SKU. */
    public record Demand(String sku, BigDecimal quantity) {
    }

    /**
     * @param net       the order's net value
     * @param cost      production's cost of the whole order; null when a line's cost is unknown
     * @param requested the date the customer asked for, null for none
     */
    public Score score(String tier, BigDecimal net, BigDecimal cost, List<Demand> demand, LocalDate requested,
            LocalDate promised) {
        return score(tier, net, cost, demand, Product.bySku(skus(demand)), requested, promised);
    }

    /** As above, with the demanded products already read (by SKU). */
    public Score score(String tier, BigDecimal net, BigDecimal cost, List<Demand> demand,
            Map<String, ProductFigures> products, LocalDate requested, LocalDate promised) {
        int tierScore = tier == null ? config.otherTierScore()
                : config.tierScores().getOrDefault(tier, config.otherTierScore());
        int margin = margin(net, cost);
        int capacity = capacity(demand, products);
        int urgency = urgency(requested, promised);
        double weights = config.tierWeight() + config.marginWeight() + config.capacityWeight()
                + config.urgencyWeight();
        double weighted = weights <= 0 ? 0 : (tierScore * config.tierWeight() + margin * config.marginWeight()
                + capacity * config.capacityWeight() + urgency * config.urgencyWeight()) / weights;
        int total = clamp((int) Math.round(weighted));
        int threshold = config.autoAcceptThreshold();
        return new Score(total, clamp(tierScore), margin, capacity, urgency, total >= threshold, threshold);
    }

    private int margin(BigDecimal net, BigDecimal cost) {
        if (cost == null) {
            return 50;
        }
        if (net.signum() <= 0) {
            return 0;
        }
        BigDecimal marginPercent = net.subtract(cost).multiply(HUNDRED).divide(net, 4, RoundingMode.HALF_UP);
        BigDecimal target = config.targetMarginPercent();
        if (target.signum() <= 0) {
            return marginPercent.signum() > 0 ? 100 : 0;
        }
        return clamp(marginPercent.multiply(HUNDRED).divide(target, 0, RoundingMode.HALF_UP).intValue());
    }

    private static int capacity(List<Demand> demand, Map<String, ProductFigures> products) {
        int worst = 100;
        for (Demand line : demand) {
            ProductFigures product = products.get(line.sku());
            int fit;
            if (product == null) {
                fit = 50;
            } else if (product.availableToPromise().compareTo(line.quantity()) >= 0) {
                fit = 100;
            } else if (product.surplusCapacityHours() != null && product.surplusCapacityHours().signum() > 0) {
                fit = 60;
            } else {
                fit = 20;
            }
            worst = Math.min(worst, fit);
        }
        return worst;
    }

    private int urgency(LocalDate requested, LocalDate promised) {
        if (requested == null || promised == null || !promised.isAfter(requested)) {
            return 100;
        }
        long late = ChronoUnit.DAYS.between(requested, promised);
        return clamp((int) (100 - late * config.urgencyPenaltyPerDay()));
    }

    private static Collection<String> skus(List<Demand> demand) {
        return demand.stream().map(Demand::sku).distinct().toList();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }
}

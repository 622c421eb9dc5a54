package org.ordercycle.sales.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.api.Problem;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.sales.Decimals;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.customer.Customer;
import org.ordercycle.sales.customer.CustomerTerms;
import org.ordercycle.sales.pricing.PricingInputs.ListPrice;
import org.ordercycle.sales.product.ProductFigures;

/**
 * Prices a customer's lines as a derivation, each step written down:
 * <ol>
 * <li>the list price in force from the customer's price list ({@code conditions.priceList}), else the default list;</li>
 * <li>the customer's special condition (contact's {@code discountPercent});</li>
 * <li>internal-customer rules by classification: an employee gets the larger of the employee discount and the
 * special condition; an affiliate pays the transfer price, production's unit cost plus the affiliate markup (no
 * discount), or the list price as an external customer would while production has announced no unit cost;</li>
 * <li>the tax determination ({@link TaxDetermination}): the list's domestic rate (S), reverse charge (AE) or export
 * (G).</li>
 * </ol>
 * A line without a price in force, or priced in another currency than the customer's, is a 422 naming it.
 */
@ApplicationScoped
public class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SalesConfig.Pricing config;
    private final TaxDetermination taxes;
    private final AgroalDataSource dataSource;

    Pricing(SalesConfig config, TaxDetermination taxes, AgroalDataSource dataSource) {
        this.config = config.pricing();
        this.taxes = taxes;
        this.dataSource = dataSource;
    }

    /** A line to price: so much of a SKU. */
    public record Wanted(String sku, BigDecimal quantity) {
    }

    /**
     * The customer's terms, its priced lines and production's figures of the products priced (by SKU; those
     * production has announced), which the selection policy needs next.
     */
    public record Priced(CustomerTerms customer, List<PricedLine> lines, Map<String, ProductFigures> products) {
    }

    /**
     * Prices the lines for the customer, which must be orderable (422 when sales does not know it or contact erased
     * it). The customer, prices and products are read in one query ({@link PricingInputs}).
     */
    public Priced price(UUID customerId, List<Wanted> wanted, LocalDate day) {
        List<String> skus = wanted.stream().map(Wanted::sku).distinct().toList();
        String defaultList = config.defaultPriceList();
        PricingInputs inputs = PricingInputs.read(dataSource, customerId, defaultList, skus, day);
        CustomerTerms customer = Customer.requireOrderable(customerId, inputs.customer());
        String customerList = customer.priceList() == null ? defaultList : customer.priceList();
        return new Priced(customer, price(customer, customerList, defaultList, wanted, day, inputs.listed(),
                inputs.fallback(), inputs.products()), inputs.products());
    }

    private List<PricedLine> price(CustomerTerms customer, String customerList, String defaultList,
            List<Wanted> wanted, LocalDate day, Map<String, ListPrice> listed, Map<String, ListPrice> fallback,
            Map<String, ProductFigures> products) {
        TaxTreatment tax = taxes.of(customer);

        List<PricedLine> lines = new ArrayList<>();
        List<Problem.Violation> unpriced = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Wanted line = wanted.get(i);
            List<String> derivation = new ArrayList<>();
            ListPrice price = listed.get(line.sku());
            if (price != null) {
                derivation.add("list price " + money(price.unitPrice(), price.currency()) + " from price list "
                        + customerList + " (valid from " + price.validFrom() + ")");
            } else {
                price = fallback.get(line.sku());
                if (price != null) {
                    derivation.add("list price " + money(price.unitPrice(), price.currency())
                            + " from the default price list " + defaultList + " (valid from " + price.validFrom() + "): price list "
                            + customerList + " has none");
                }
            }
            String field = "lines[" + i + "].sku";
            if (price == null) {
                unpriced.add(new Problem.Violation(field,
                        "line " + (i + 1) + " (" + line.sku() + ") has no price in force on " + day));
                continue;
            }
            if (!price.currency().equals(customer.currency())) {
                unpriced.add(new Problem.Violation(field, "line " + (i + 1) + " (" + line.sku() + ") is priced in "
                        + price.currency() + ", the customer pays in " + customer.currency()));
                continue;
            }
            ProductFigures product = products.get(line.sku());
            BigDecimal unitCost = product == null ? null : product.unitCostIn(customer.currency());
            BigDecimal unitPrice = price.unitPrice();
            BigDecimal discount = customerDiscount(customer, unitCost, price, derivation);
            if (discount == null) { // an affiliate's transfer price
                unitPrice = unitCost.multiply(BigDecimal.ONE.add(config.affiliateMarkupPercent().divide(HUNDRED)))
                        .setScale(4, RoundingMode.HALF_UP);
                discount = BigDecimal.ZERO;
            }
            BigDecimal rate = tax.rate(price.taxRate());
            String category = tax.category(price.taxRate());
            derivation.add("VAT " + Decimals.plain(rate) + " % (" + category + "): " + tax.explanation());
            lines.add(new PricedLine(i + 1, line.sku(), line.quantity(), price.unitPrice(), unitPrice, discount, rate,
                    category, unitCost, List.copyOf(derivation)));
        }
        if (!unpriced.isEmpty()) {
            throw new ProblemException(Problem.of(422, "Lines without a price",
                    unpriced.stream().map(Problem.Violation::message).collect(Collectors.joining("; ")))
                    .withViolations(unpriced));
        }
        return lines;
    }

    /** The discount in percent the customer gets, each rule written down; null when the transfer price applies. */
    private BigDecimal customerDiscount(CustomerTerms customer, BigDecimal unitCost, ListPrice price,
            List<String> derivation) {
        BigDecimal special = customer.discountPercent() == null ? BigDecimal.ZERO : customer.discountPercent();
        Classification classification = customer.classification() == null ? Classification.EXTERNAL
                : customer.classification();
        switch (classification) {
            case INTERNAL_EMPLOYEE -> {
                BigDecimal employee = config.employeeDiscountPercent();
                if (employee.compareTo(special) >= 0) {
                    derivation.add("employee discount " + Decimals.plain(employee) + " %"
                            + (special.signum() > 0 ? " (the larger: special condition " + Decimals.plain(special)
                                    + " % does not add up)" : ""));
                    return employee;
                }
                derivation.add("special condition " + Decimals.plain(special) + " % discount (the larger: employee "
                        + "discount " + Decimals.plain(employee) + " % does not add up)");
                return special;
            }
            case INTERNAL_AFFILIATE -> {
                if (unitCost != null) {
                    BigDecimal markup = config.affiliateMarkupPercent();
                    BigDecimal transfer = unitCost.multiply(BigDecimal.ONE.add(markup.divide(HUNDRED)))
                            .setScale(4, RoundingMode.HALF_UP);
                    derivation.add("affiliate transfer price " + money(transfer, price.currency()) + " = unit cost "
                            + money(unitCost, price.currency()) + " + " + Decimals.plain(markup) + " % markup, "
                            + "instead of the list price; no discount");
                    return null;
                }
                derivation.add("affiliate, but production announced no unit cost in " + price.currency()
                        + ": list price" + (special.signum() > 0
                                ? " less special condition " + Decimals.plain(special) + " % discount" : ""));
                return special;
            }
            default -> {
                derivation.add(special.signum() > 0 ? "special condition " + Decimals.plain(special) + " % discount"
                        : "no special discount");
                return special;
            }
        }
    }

    private static String money(BigDecimal amount, String currency) {
        return Decimals.price(amount).toPlainString() + " " + currency;
    }
}

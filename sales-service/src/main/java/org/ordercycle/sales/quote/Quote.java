package org.ordercycle.sales.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordercycle.kit.api.Problem;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.sales.Decimals;

/**
 * A priced offer to a customer with the clarification of what the customer wants. It becomes an order only when the
 * clarification is complete and confirmed; changing the clarification afterwards takes the confirmation back.
 */
@Entity
@Table(name = "quote")
public class Quote extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public QuoteStatus status;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public String salesperson;

    public LocalDate requestedDate;

    /** The capability check's delivery date: availability and lead time. */
    public LocalDate proposedDate;

    public LocalDate validUntil;

    public Instant issuedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quote_line", joinColumns = @JoinColumn(name = "quote_id"))
    @OrderBy("lineNo")
    public List<QuoteLine> lines = new ArrayList<>();

    public String objective;

    @Column(name = "req_quality")
    public String quality;

    @Column(name = "req_efficiency")
    public String efficiency;

    @Column(name = "req_security")
    public String security;

    @Column(name = "req_reliability")
    public String reliability;

    /** One criterion per line of text. */
    public String acceptanceCriteria;

    public String supportExpectations;

    public String constraints;

    public BigDecimal budget;

    @Column(columnDefinition = "char(3)")
    public String budgetCurrency;

    public Instant confirmedAt;

    public String confirmedBy;

    public Instant decidedAt;

    public String declineReason;

    public UUID orderId;

    @Version
    public long version;

    static Quote issue(UUID customerId, String currency, String salesperson, List<QuoteLine> lines,
            LocalDate requestedDate, LocalDate proposedDate, LocalDate validUntil, Instant now) {
        Quote quote = new Quote();
        quote.id = UUID.randomUUID();
        quote.customerId = customerId;
        quote.status = QuoteStatus.ISSUED;
        quote.currency = currency;
        quote.salesperson = salesperson;
        quote.lines.addAll(lines);
        quote.requestedDate = requestedDate;
        quote.proposedDate = proposedDate;
        quote.validUntil = validUntil;
        quote.issuedAt = now;
        quote.persist();
        return quote;
    }

    /** Records what was clarified (absent fields stay as they were); takes back an earlier confirmation. */
    void clarify(ClarificationRequest clarification) {
        requireIssued("clarified");
        if (clarification.objective() != null) {
            objective = clarification.objective();
        }
        if (clarification.requirements() != null) {
            ClarificationRequest.Requirements requirements = clarification.requirements();
            quality = requirements.quality() != null ? requirements.quality() : quality;
            efficiency = requirements.efficiency() != null ? requirements.efficiency() : efficiency;
            security = requirements.security() != null ? requirements.security() : security;
            reliability = requirements.reliability() != null ? requirements.reliability() : reliability;
        }
        if (clarification.acceptanceCriteria() != null) {
            acceptanceCriteria = clarification.acceptanceCriteria().isEmpty() ? null
                    : clarification.acceptanceCriteria().stream().map(String::strip).collect(Collectors.joining("\n"));
        }
        if (clarification.supportExpectations() != null) {
            supportExpectations = clarification.supportExpectations();
        }
        if (clarification.constraints() != null) {
            constraints = clarification.constraints();
        }
        if (clarification.budget() != null) {
            budget = clarification.budget().amount();
            budgetCurrency = clarification.budget().currency();
        }
        confirmedAt = null;
        confirmedBy = null;
    }

    /** The customer confirmed the clarification; 422 naming what is still missing. */
    void confirmClarification(String by, Instant now) {
        requireIssued("confirmed");
        requireComplete();
        confirmedAt = now;
        confirmedBy = by;
    }

    /** The customer accepted: only with a complete, confirmed clarification and while the quote is valid. */
    void accept(UUID orderId, LocalDate today, Instant now) {
        requireAcceptable(today);
        this.orderId = orderId;
        this.decidedAt = now;
        this.status = QuoteStatus.ACCEPTED;
    }

    /** 409 unless issued and still valid, 422 unless the clarification is complete and confirmed. */
    void requireAcceptable(LocalDate today) {
        requireIssued("accepted");
        if (today.isAfter(validUntil)) {
            throw ProblemException.conflict("Quote expired", "quote " + id + " was valid until " + validUntil);
        }
        requireComplete();
        if (confirmedAt == null) {
            throw ProblemException.unprocessable("Clarification not confirmed", "quote " + id + ": the customer has "
                    + "not confirmed the clarification yet (POST /quotes/" + id + "/clarification/confirm)");
        }
    }

    void decline(String reason, Instant now) {
        requireIssued("declined");
        this.declineReason = reason;
        this.decidedAt = now;
        this.status = QuoteStatus.DECLINED;
    }

    /** The fields a complete clarification still lacks, as request paths. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        check(missing, "objective", objective);
        check(missing, "requirements.quality", quality);
        check(missing, "requirements.efficiency", efficiency);
        check(missing, "requirements.security", security);
        check(missing, "requirements.reliability", reliability);
        check(missing, "acceptanceCriteria", acceptanceCriteria);
        check(missing, "supportExpectations", supportExpectations);
        return missing;
    }

    boolean complete() {
        return missing().isEmpty();
    }

    List<String> criteria() {
        return acceptanceCriteria == null ? List.of() : List.of(acceptanceCriteria.split("\n"));
    }

    /** The clarification in one text, as it travels with the order. */
    String summary() {
        StringBuilder summary = new StringBuilder("Objective: ").append(objective)
                .append("; quality: ").append(quality)
                .append("; efficiency: ").append(efficiency)
                .append("; security: ").append(security)
                .append("; reliability: ").append(reliability)
                .append("; support and after-sales: ").append(supportExpectations);
        if (constraints != null && !constraints.isBlank()) {
            summary.append("; constraints: ").append(constraints);
        }
        if (budget != null) {
            summary.append("; budget: ").append(Decimals.price(budget).toPlainString()).append(' ')
                    .append(budgetCurrency);
        }
        return summary.toString();
    }

    Amounts.Totals totals() {
        return Amounts.totals(lines.stream().map(QuoteLine::amounts).toList(), currency);
    }

    private void requireComplete() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of(422, "Clarification incomplete", "quote " + id
                    + " cannot become an order before its clarification is complete: missing "
                    + String.join(", ", missing))
                    .withViolations(missing.stream().map(field -> new Problem.Violation("clarification." + field,
                            "is required before the quote can become an order")).toList()));
        }
    }

    private void requireIssued(String what) {
        if (status != QuoteStatus.ISSUED) {
            throw ProblemException.conflict("Quote " + status.name().toLowerCase(), "quote " + id + " is " + status
                    + " and cannot be " + what + " any more");
        }
    }

    private static void check(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}

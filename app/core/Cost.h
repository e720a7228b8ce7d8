#pragma once

#include "core/Session.h"
#include "core/TimeSpan.h"

#include <QDateTime>
#include <QLocale>
#include <QMap>
#include <QString>

#include <optional>

namespace arr {

// Hourly prices per session size, in one currency. The service publishes no prices and companies
// negotiate their own, so there are none until the user enters them: an empty list is normal and
// means "show billed hours", never an invented amount.
struct PriceList
{
    // ISO 4217 code ("EUR"); empty when the user gave none (amounts are then shown without a symbol).
    QString currency;
    // Price per hour by size, sizes in lower case.
    QMap<QString, double> hourly;

    bool isEmpty() const { return hourly.isEmpty(); }
    // The price of `size` (case-insensitive); nullopt when there is none.
    std::optional<double> hourlyPrice(const QString &size) const;
    // "premium=11.5;standard=3" (sizes sorted, decimal point, no currency): the settings form.
    QString toString() const;
    // Reads toString()'s form; white space around items is ignored, an empty text is an empty list.
    // On a malformed item returns nullopt and, when given, sets *error to a sentence naming it.
    static std::optional<PriceList> parse(const QString &text, QString *error = nullptr);
    bool operator==(const PriceList &other) const;
    bool operator!=(const PriceList &other) const { return !(*this == other); }
};

// The prices in force: the defaults and, per account (by name), the prices negotiated for it.
struct Pricing
{
    PriceList defaults;
    QMap<QString, PriceList> accountOverrides;
    // True for the demo's made-up prices, which the window labels as examples.
    bool examples = false;

    // The price of `size` for `account`: the account's own when it has one for that size, else the
    // default. An override list without a currency takes the default currency.
    std::optional<double> hourlyPrice(const QString &account, const QString &size) const;
    QString currencyFor(const QString &account) const;
    // Whether any price at all is set.
    bool hasAnyPrice() const;

    // Made-up prices for the demo, flagged as examples.
    static Pricing examplePrices();
};

// Time billed for a session so far: the time it has spent ready. In v1 `elapsed` is exactly that
// (zero while starting); while ready the time since the answer arrived (`msSincePoll`, monotonic) is
// added, as LiveSessions' countdown does, up to the lease. nullopt when the service gave no elapsed time.
std::optional<TimeSpan> billedTime(const Session &session, qint64 msSincePoll);

// Time billed if the session is left until its lease ends. The lease counts from the session's
// start, the bill only the ready part, so the billed time at the end is the lease less the time the
// session spent before it was ready. That part is known only when the service gave the creation
// time (then: time since creation less the billed time); otherwise it is taken as zero and the whole
// lease is assumed billed: an upper bound, and exactly what the window's countdown (lease less
// elapsed) implies. A session that is stopping or finished bills no more than it has. nullopt when
// the lease or the elapsed time is unknown.
std::optional<TimeSpan> billedAtLeaseEnd(const Session &session, qint64 msSincePoll, const QDateTime &now);

// Price × hours, rounded to cents; nullopt without a price. A negative price counts as none.
std::optional<double> costOf(const TimeSpan &billed, std::optional<double> hourlyPrice);

// A sum of costs: money per currency, and the billed time that had no price (shown as hours, never
// priced at zero).
struct CostTotal
{
    // By currency code; "" for prices entered without a currency.
    QMap<QString, double> amounts;
    TimeSpan unpricedTime;
    TimeSpan billedTime;

    void add(const TimeSpan &billed, std::optional<double> hourlyPrice, const QString &currency);
    bool hasAmount() const { return !amounts.isEmpty(); }
    // "$31.50", "$31.50 + €2.00", "$31.50 + 1.5 h unpriced", or "4.5 h" when nothing had a price.
    QString toDisplayString(const QLocale &locale) const;
};

// Rounds half away from zero to two decimals (cents), as invoices do.
double roundToCents(double amount);

// Billed hours for people: "2.5 h", "0 h", "12.25 h" (at most two decimals, in the given locale).
QString formatBilledHours(const TimeSpan &billed, const QLocale &locale);
// An amount with the currency (symbol when the locale knows it, else the code); without a currency,
// the plain number with two decimals.
QString formatMoney(double amount, const QString &currency, const QLocale &locale);

} // namespace arr

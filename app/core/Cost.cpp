#include "core/Cost.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr double MillisecondsPerHour = 3600.0 * 1000.0;

// Declares the context this file's strings are translated in, in a form lupdate reads too (a free
// tr() function would leave lupdate guessing the context from the enclosing class).
class CostText
{
    Q_DECLARE_TR_FUNCTIONS(arr::Cost)
};

// The symbol of an ISO 4217 code, from the first locale that uses the currency ("EUR" -> "€");
// the code itself when no locale does. Looked up once per code.
QString currencySymbol(const QString &code)
{
    static QHash<QString, QString> cache;
    const auto found = cache.constFind(code);
    if (found != cache.constEnd())
        return *found;
    QString symbol = code;
    const QList<QLocale> locales
        = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    for (const QLocale &locale : locales) {
        if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code) {
            symbol = locale.currencySymbol(QLocale::CurrencySymbol);
            break;
        }
    }
    cache.insert(code, symbol);
    return symbol;
}

} // namespace

std::optional<double> PriceList::hourlyPrice(const QString &size) const
{
    const auto found = hourly.constFind(size.toLower());
    if (found == hourly.constEnd() || !std::isfinite(*found) || *found < 0)
        return std::nullopt;
    return *found;
}

QString PriceList::toString() const
{
    QStringList items;
    for (auto it = hourly.constBegin(); it != hourly.constEnd(); ++it)
        items.append(it.key() + u'=' + QString::number(it.value(), 'g', 12));
    return items.join(u';');
}

std::optional<PriceList> PriceList::parse(const QString &text, QString *error)
{
    PriceList list;
    const QStringList items = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &rawItem : items) {
        const QString item = rawItem.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf(u'=');
        const QString size = equals > 0 ? item.left(equals).trimmed().toLower() : QString();
        bool ok = false;
        const double price = equals > 0 ? item.mid(equals + 1).trimmed().toDouble(&ok) : 0.0;
        if (size.isEmpty() || !ok || !std::isfinite(price) || price < 0) {
            if (error)
                *error
                    = CostText::tr("\"%1\" is not a price: write the size, \"=\" and a price per hour of zero or more, "
                                   "as in \"standard=3.5\".")
                          .arg(item.left(40));
            return std::nullopt;
        }
        list.hourly.insert(size, price);
    }
    return list;
}

bool PriceList::operator==(const PriceList &other) const
{
    return currency == other.currency && hourly == other.hourly;
}

std::optional<double> Pricing::hourlyPrice(const QString &account, const QString &size) const
{
    const auto found = accountOverrides.constFind(account);
    if (found != accountOverrides.constEnd()) {
        if (const auto price = found->hourlyPrice(size))
            return price;
    }
    return defaults.hourlyPrice(size);
}

QString Pricing::currencyFor(const QString &account) const
{
    const auto found = accountOverrides.constFind(account);
    if (found != accountOverrides.constEnd() && !found->currency.isEmpty())
        return found->currency;
    return defaults.currency;
}

bool Pricing::hasAnyPrice() const
{
    if (!defaults.isEmpty())
        return true;
    for (const PriceList &list : accountOverrides) {
        if (!list.isEmpty())
            return true;
    }
    return false;
}

Pricing Pricing::examplePrices()
{
    Pricing pricing;
    // Round numbers of the order the service once listed, clearly labelled as examples wherever shown.
    pricing.defaults.currency = u"USD"_s;
    pricing.defaults.hourly = {{u"standard"_s, 3.0}, {u"premium"_s, 12.0}};
    pricing.examples = true;
    return pricing;
}

std::optional<TimeSpan> billedTime(const Session &session, qint64 msSincePoll)
{
    if (!session.elapsed)
        return std::nullopt;
    TimeSpan billed = std::max(*session.elapsed, TimeSpan());
    if (session.status == SessionStatus::Ready)
        billed = billed + TimeSpan::fromMilliseconds(std::max<qint64>(0, msSincePoll));
    // Between the last answer and the service's next, a session is never billed past its lease.
    if (session.maxLease && *session.maxLease < billed && session.status == SessionStatus::Ready)
        billed = std::max(*session.maxLease, *session.elapsed);
    return billed;
}

std::optional<TimeSpan> billedAtLeaseEnd(const Session &session, qint64 msSincePoll, const QDateTime &now)
{
    const auto billed = billedTime(session, msSincePoll);
    if (!billed || !session.maxLease)
        return std::nullopt;
    if (session.status == SessionStatus::Stopping || isFinalStatus(session.status))
        return billed;
    TimeSpan beforeReady;
    if (session.creationTime.isValid() && now.isValid()) {
        const TimeSpan sinceCreation = TimeSpan::fromMilliseconds(session.creationTime.msecsTo(now));
        beforeReady = std::max(sinceCreation - *billed, TimeSpan());
    }
    return std::max(*session.maxLease - beforeReady, *billed);
}

double roundToCents(double amount)
{
    return std::round(amount * 100.0) / 100.0;
}

std::optional<double> costOf(const TimeSpan &billed, std::optional<double> hourlyPrice)
{
    if (!hourlyPrice || !std::isfinite(*hourlyPrice) || *hourlyPrice < 0)
        return std::nullopt;
    const double hours = double(std::max<qint64>(0, billed.totalMilliseconds())) / MillisecondsPerHour;
    return roundToCents(hours * *hourlyPrice);
}

void CostTotal::add(const TimeSpan &billed, std::optional<double> hourlyPrice, const QString &currency)
{
    billedTime = billedTime + billed;
    if (const auto amount = costOf(billed, hourlyPrice))
        amounts[currency] = roundToCents(amounts.value(currency) + *amount);
    else
        unpricedTime = unpricedTime + billed;
}

QString CostTotal::toDisplayString(const QLocale &locale) const
{
    if (amounts.isEmpty())
        return formatBilledHours(billedTime, locale);
    QStringList parts;
    for (auto it = amounts.constBegin(); it != amounts.constEnd(); ++it)
        parts.append(formatMoney(it.value(), it.key(), locale));
    if (!unpricedTime.isZero())
        parts.append(CostText::tr("%1 unpriced").arg(formatBilledHours(unpricedTime, locale)));
    return parts.join(u" + "_s);
}

QString formatBilledHours(const TimeSpan &billed, const QLocale &locale)
{
    const double hours = double(std::max<qint64>(0, billed.totalMilliseconds())) / MillisecondsPerHour;
    QString number = locale.toString(std::round(hours * 100.0) / 100.0, 'f', 2);
    // "2.50" reads as money; trim the zeros a duration does not need ("2.5 h", "3 h").
    const QString decimal = locale.decimalPoint();
    if (number.contains(decimal)) {
        while (number.endsWith(u'0'))
            number.chop(1);
        if (number.endsWith(decimal))
            number.chop(decimal.size());
    }
    return CostText::tr("%1 h").arg(number);
}

QString formatMoney(double amount, const QString &currency, const QLocale &locale)
{
    const double rounded = roundToCents(amount);
    if (currency.isEmpty())
        return locale.toString(rounded, 'f', 2);
    const QString symbol = currencySymbol(currency.toUpper());
    // Qt's C locale puts the symbol after the number ("15.00$"), as no one writes money; C speaks
    // English, so the English order: "$15.00", "-$3.50".
    if (locale.language() == QLocale::C)
        return (rounded < 0 ? u"-"_s : QString()) + symbol + locale.toString(std::abs(rounded), 'f', 2);
    return locale.toCurrencyString(rounded, symbol, 2);
}

} // namespace arr

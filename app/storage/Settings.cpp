#include "storage/Settings.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

struct Entry
{
    Settings::Key key;
    QLatin1StringView name;
    QVariant defaultValue;
};

const Entry *entryFor(Settings::Key key)
{
    static const Entry table[] = {
        {Settings::Key::PollIntervalSeconds, "monitor/pollIntervalSeconds"_L1, 10},
        {Settings::Key::FastPollIntervalSeconds, "monitor/fastPollIntervalSeconds"_L1, 2},
        {Settings::Key::WarningThresholdMinutes, "table/warningThresholdMinutes"_L1, 30},
        {Settings::Key::CriticalThresholdMinutes, "table/criticalThresholdMinutes"_L1, 10},
        {Settings::Key::ExpiryNotificationMinutes, "notifications/expiryMinutes"_L1, 10},
        {Settings::Key::NotificationsEnabled, "notifications/enabled"_L1, true},
        {Settings::Key::HideFinishedSessions, "table/hideFinished"_L1, false},
        {Settings::Key::StatusFilter, "table/statusFilter"_L1, QString()},
        {Settings::Key::TextFilter, "table/textFilter"_L1, QString()},
        {Settings::Key::SortColumn, "table/sortColumn"_L1, -1},
        {Settings::Key::SortOrder, "table/sortOrder"_L1, 0},
        {Settings::Key::MainWindowGeometry, "window/geometry"_L1, QByteArray()},
        {Settings::Key::MainWindowState, "window/state"_L1, QByteArray()},
        {Settings::Key::SplitterState, "window/splitter"_L1, QByteArray()},
        {Settings::Key::TableHeaderState, "table/header"_L1, QByteArray()},
        {Settings::Key::LogDockVisible, "window/logDockVisible"_L1, true},
        {Settings::Key::LogErrorsOnly, "ui/logErrorsOnly"_L1, false},
        {Settings::Key::LogHeaderState, "ui/logHeader"_L1, QByteArray()},
        {Settings::Key::LastCreateAccount, "ui/lastCreateAccount"_L1, QString()},
        {Settings::Key::LastCreateSize, "ui/lastCreateSize"_L1, u"standard"_s},
        {Settings::Key::LastCreateLeaseMinutes, "ui/lastCreateLeaseMinutes"_L1, 60},
        {Settings::Key::LocalEmulatorEnabled, "ui/localEmulatorEnabled"_L1, false},
        {Settings::Key::KeepAlivePolicies, "keepAlive/policies"_L1, QString()},
        {Settings::Key::HistoryRetentionDays, "history/retentionDays"_L1, 400},
        {Settings::Key::PriceCurrency, "cost/currency"_L1, QString()},
        {Settings::Key::HourlyPrices, "cost/hourlyPrices"_L1, QString()},
        {Settings::Key::AccountHourlyPrices, "cost/accountHourlyPrices"_L1, QVariantMap()},
        {Settings::Key::AlertsGiven, "alerts/givenToday"_L1, QString()},
        {Settings::Key::TableColumnCount, "table/columnCount"_L1, 14},
        {Settings::Key::HistoryWindowGeometry, "history/windowGeometry"_L1, QByteArray()},
        {Settings::Key::Language, "ui/language"_L1, QString()},
        {Settings::Key::HistoryTeamUrl, "history/teamUrl"_L1, QString()},
    };
    for (const Entry &entry : table) {
        if (entry.key == key)
            return &entry;
    }
    Q_UNREACHABLE();
    return nullptr;
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{
}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

QVariant Settings::defaultValue(Key key)
{
    return entryFor(key)->defaultValue;
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QSettings::Format Settings::format() const
{
    return m_settings->format();
}

bool Settings::contains(Key key) const
{
    return m_settings->contains(QString(entryFor(key)->name));
}

void Settings::sync()
{
    m_settings->sync();
}

QVariant Settings::value(Key key) const
{
    const Entry *entry = entryFor(key);
    const QVariant stored = m_settings->value(QString(entry->name), entry->defaultValue);
    // A value of the wrong type (a hand-edited file) falls back to the default.
    if (!stored.canConvert(entry->defaultValue.metaType()))
        return entry->defaultValue;
    QVariant converted = stored;
    if (!converted.convert(entry->defaultValue.metaType()))
        return entry->defaultValue;
    return converted;
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QString(entryFor(key)->name), value);
}

void Settings::reset(Key key)
{
    m_settings->remove(QString(entryFor(key)->name));
}

int Settings::boundedInt(Key key, int minimum, int maximum) const
{
    bool ok = false;
    const int value = m_settings->value(QString(entryFor(key)->name), defaultValue(key)).toInt(&ok);
    return ok ? std::clamp(value, minimum, maximum) : defaultValue(key).toInt();
}

int Settings::historyRetentionDays() const
{
    return boundedInt(Key::HistoryRetentionDays, 1, 36500);
}

int Settings::pollIntervalSeconds() const
{
    return boundedInt(Key::PollIntervalSeconds, MinimumPollIntervalSeconds, 3600);
}

int Settings::fastPollIntervalSeconds() const
{
    return boundedInt(Key::FastPollIntervalSeconds, 1, 60);
}

int Settings::warningThresholdMinutes() const
{
    return boundedInt(Key::WarningThresholdMinutes, 1, 24 * 60);
}

int Settings::criticalThresholdMinutes() const
{
    return boundedInt(Key::CriticalThresholdMinutes, 1, 24 * 60);
}

int Settings::expiryNotificationMinutes() const
{
    return boundedInt(Key::ExpiryNotificationMinutes, 1, 24 * 60);
}

Pricing Settings::pricing(const QList<Account> &accounts) const
{
    Pricing pricing;
    pricing.defaults.currency = value(Key::PriceCurrency).toString().trimmed().toUpper();
    if (const auto prices = PriceList::parse(value(Key::HourlyPrices).toString()))
        pricing.defaults.hourly = prices->hourly;
    const QVariantMap overrides = value(Key::AccountHourlyPrices).toMap();
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        const QVariantMap entry = it.value().toMap();
        const auto prices = PriceList::parse(entry.value(u"prices"_s).toString());
        if (!prices || prices->isEmpty())
            continue;
        PriceList list = *prices;
        list.currency = entry.value(u"currency"_s).toString().trimmed().toUpper();
        // Stored by a build before identities: the name stands for the account that has it now.
        const QString identity = entry.value(u"identity"_s).toString();
        bool placed = false;
        for (const Account &account : accounts) {
            if (identity.isEmpty() ? account.name == it.key() : account.identity() == identity) {
                pricing.accountOverrides.insert(account.name, list);
                placed = true;
            }
        }
        if (!placed && !pricing.accountOverrides.contains(it.key()))
            pricing.accountOverrides.insert(it.key(), list);
    }
    return pricing;
}

void Settings::setPricing(const Pricing &pricing, const QList<Account> &accounts)
{
    setValue(Key::PriceCurrency, pricing.defaults.currency);
    setValue(Key::HourlyPrices, pricing.defaults.toString());
    QVariantMap overrides;
    for (auto it = pricing.accountOverrides.constBegin(); it != pricing.accountOverrides.constEnd(); ++it) {
        if (it->isEmpty())
            continue;
        QVariantMap entry{{u"currency"_s, it->currency}, {u"prices"_s, it->toString()}};
        const auto account = std::find_if(
            accounts.cbegin(), accounts.cend(), [&](const Account &candidate) { return candidate.name == it.key(); });
        if (account != accounts.cend())
            entry.insert(u"identity"_s, account->identity());
        overrides.insert(it.key(), entry);
    }
    setValue(Key::AccountHourlyPrices, overrides);
}

QStringList Settings::languages()
{
    return {u"en"_s, u"de"_s};
}

QString Settings::language() const
{
    const QString code = value(Key::Language).toString();
    return languages().contains(code) ? code : QString();
}

void Settings::setLanguage(const QString &code)
{
    if (code.isEmpty() || !languages().contains(code))
        reset(Key::Language);
    else
        setValue(Key::Language, code);
}

} // namespace arr

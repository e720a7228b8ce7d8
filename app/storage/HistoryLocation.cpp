#include "storage/HistoryLocation.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::HistoryLocation", text);
}

const QStringList SslModes{u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s};

// The URL's query: the connect options libpq takes from us; anything else is a mistake to say.
QString connectOptionsFrom(const QUrl &url, QString *error)
{
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (name == u"sslmode"_s) {
            if (!SslModes.contains(value)) {
                *error = tr("The team database's URL asks for sslmode \"%1\"; it must be one of %2.")
                             .arg(value, SslModes.join(u", "_s));
                return {};
            }
        } else if (name == u"connect_timeout"_s) {
            bool ok = false;
            if (value.toInt(&ok) < 0 || !ok) {
                *error = tr("The team database's URL has connect_timeout \"%1\"; it must be a number of seconds.")
                             .arg(value);
                return {};
            }
        } else if (name == u"application_name"_s) {
            if (value.contains(u' ') || value.contains(u'\'') || value.contains(u'\\')) {
                *error = tr("The team database's URL has an application_name with spaces or quotes.");
                return {};
            }
        } else {
            *error = tr("The team database's URL has the option \"%1\", which is not one of sslmode, "
                        "connect_timeout and application_name.")
                         .arg(name);
            return {};
        }
        options << name + u'=' + value;
    }
    return options.join(u' ');
}

} // namespace

HistoryLocation HistoryLocation::file(const QString &filePath)
{
    HistoryLocation location;
    location.m_kind = Kind::File;
    location.m_filePath = filePath;
    return location;
}

HistoryLocation HistoryLocation::fromUrl(const QString &text)
{
    HistoryLocation location;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != u"postgresql"_s && scheme != u"postgres"_s)) {
        location.m_error = tr("The team database's URL must look like "
                              "postgresql://user@host:5432/database?sslmode=require.");
        return location;
    }
    if (!url.password().isEmpty()) {
        location.m_error
            = tr("The team database's URL holds a password: leave it out, and keep it in the keychain (Preferences) or "
                 "give it in PGPASSWORD or ~/.pgpass.");
        return location;
    }
    if (!url.fragment().isNull()) {
        location.m_error = tr("The team database's URL must not end with a #fragment.");
        return location;
    }
    QString database = url.path(QUrl::FullyDecoded);
    if (database.startsWith(u'/'))
        database.remove(0, 1);
    if (database.contains(u'/')) {
        location.m_error = tr("The team database's URL names the database \"%1\"; a name has no slash.").arg(database);
        return location;
    }
    const QString options = connectOptionsFrom(url, &location.m_error);
    if (!location.m_error.isEmpty())
        return location;
    location.m_kind = Kind::Postgres;
    location.m_host = url.host(QUrl::FullyDecoded);
    location.m_port = url.port(-1);
    location.m_user = url.userName(QUrl::FullyDecoded);
    location.m_database = database;
    location.m_connectOptions = options;
    return location;
}

HistoryLocation HistoryLocation::postgres(
    const QString &host, int port, const QString &database, const QString &user, const QString &sslMode)
{
    if (host.trimmed().isEmpty() || database.trimmed().isEmpty()) {
        HistoryLocation location;
        location.m_error = tr("A team database needs at least its server's name and the database's name.");
        return location;
    }
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host.trimmed());
    if (url.host().isEmpty()) {
        HistoryLocation location;
        location.m_error = tr("\"%1\" is not a server's name.").arg(host.trimmed());
        return location;
    }
    if (port > 0)
        url.setPort(port);
    url.setUserName(user.trimmed());
    url.setPath(u'/' + database.trimmed());
    if (!sslMode.isEmpty())
        url.setQuery(u"sslmode="_s + sslMode);
    return fromUrl(url.toString(QUrl::FullyEncoded));
}

QString HistoryLocation::sslMode() const
{
    const QStringList options = m_connectOptions.split(u' ', Qt::SkipEmptyParts);
    for (const QString &option : options) {
        if (option.startsWith(u"sslmode="_s))
            return option.mid(8);
    }
    return {};
}

QString HistoryLocation::secretName() const
{
    // Without the options: the same server, database and user keep their password when TLS changes.
    QString name = u"team-history/"_s;
    if (!m_user.isEmpty())
        name += m_user + u'@';
    name += m_host;
    if (m_port != -1)
        name += u':' + QString::number(m_port);
    return name + u'/' + m_database;
}

QString HistoryLocation::displayName() const
{
    if (m_kind != Kind::Postgres)
        return m_filePath;
    QString text = u"postgresql://"_s;
    if (!m_user.isEmpty())
        text += m_user + u'@';
    text += m_host;
    if (m_port != -1)
        text += u':' + QString::number(m_port);
    text += u'/' + m_database;
    if (!m_connectOptions.isEmpty())
        text += u'?' + QString(m_connectOptions).replace(u' ', u'&');
    return text;
}

bool HistoryLocation::operator==(const HistoryLocation &other) const
{
    return m_kind == other.m_kind && m_error == other.m_error && m_filePath == other.m_filePath
        && m_host == other.m_host && m_port == other.m_port && m_user == other.m_user && m_database == other.m_database
        && m_connectOptions == other.m_connectOptions && m_password == other.m_password;
}

} // namespace arr

#include "emulator/EmulatorCommandLine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QRandomGenerator>

#include <array>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

// A duration in seconds (fractions allowed) as milliseconds; nullopt unless 0 <= value <= ten years.
std::optional<qint64> secondsToMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    constexpr double TenYears = 10.0 * 365 * 24 * 3600;
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > TenYears)
        return std::nullopt;
    return qint64(std::llround(seconds * 1000));
}

std::optional<double> rate(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > 1)
        return std::nullopt;
    return value;
}

std::optional<qint64> integer(const QString &text, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

// Every option of arr-emulator, each described once, in the order --help lists them.
struct Options
{
    const QCommandLineOption help{{u"h"_s, u"help"_s}, u"Show this help and exit."_s};
    const QCommandLineOption version{{u"v"_s, u"version"_s}, u"Show the version and exit."_s};
    const QCommandLineOption listen{u"listen"_s, u"Address to listen on (default 127.0.0.1)."_s, u"ADDRESS"_s};
    const QCommandLineOption port{u"port"_s, u"Port to listen on; 0 (the default) picks a free one."_s, u"N"_s};
    const QCommandLineOption account{
        u"account"_s, u"An account as ID:KEY (the id may not contain ':'); repeatable."_s, u"ID:KEY"_s};
    const QCommandLineOption demo{u"demo-sessions"_s,
        u"Give every account demo sessions in every state (starting, ready, nearly expired, stopping, "
        "stopped, expired, error)."_s};
    const QCommandLineOption extraSessions{u"extra-sessions"_s,
        u"Give every account N more ready sessions (leases from 1 to 24 hours), to try a client at scale."_s, u"N"_s};
    const QCommandLineOption exitWithStdin{u"exit-with-stdin"_s,
        u"Exit when standard input closes: started by another program, the emulator never outlives it."_s};
    const QCommandLineOption startDelay{
        u"start-delay"_s, u"Seconds a new session is starting before it is ready (default 20)."_s, u"SECONDS"_s};
    const QCommandLineOption stopDelay{
        u"stop-delay"_s, u"Seconds a stopped session is stopping before it is stopped (default 3)."_s, u"SECONDS"_s};
    const QCommandLineOption retention{
        u"retention"_s, u"Seconds a stopped, expired or failed session stays listed (default 600)."_s, u"SECONDS"_s};
    const QCommandLineOption tokenLifetime{
        u"token-lifetime"_s, u"Seconds an access token is valid (default 86400)."_s, u"SECONDS"_s};
    const QCommandLineOption timeScale{u"time-scale"_s,
        u"Run the emulator's clock this many times faster than real time (default 1); delays, leases and "
        "token lifetimes are on that clock."_s,
        u"FACTOR"_s};
    const QCommandLineOption rateLimit{
        u"rate-limit"_s, u"Session API requests per account per second before 429 (default 0, unlimited)."_s, u"N"_s};
    const QCommandLineOption errorRate{u"fault-error-rate"_s,
        u"Probability (0..1) of answering 500, 503 or 429 instead; the request has no effect."_s, u"R"_s};
    const QCommandLineOption latencyRate{
        u"fault-latency-rate"_s, u"Probability (0..1) of answering late by --fault-latency-ms."_s, u"R"_s};
    const QCommandLineOption latencyMs{
        u"fault-latency-ms"_s, u"Milliseconds (real time) a late answer is delayed (default 0)."_s, u"N"_s};
    const QCommandLineOption dropRate{u"fault-drop-rate"_s,
        u"Probability (0..1) of closing the connection without an answer; the request has no effect."_s, u"R"_s};
    const QCommandLineOption malformedRate{
        u"fault-malformed-rate"_s, u"Probability (0..1) of garbling the body of a successful GET answer."_s, u"R"_s};
    const QCommandLineOption seed{u"seed"_s, u"Seed of the fault generator (default 1)."_s, u"N"_s};
    const QCommandLineOption tlsCert{u"tls-cert"_s,
        u"Serve https with this certificate (PEM or DER; the first of a chain is the server's); needs --tls-key."_s,
        u"FILE"_s};
    const QCommandLineOption tlsKey{u"tls-key"_s,
        u"The unencrypted private key (PEM or DER; RSA, EC or DSA) of --tls-cert; needs --tls-cert."_s, u"FILE"_s};
    const QCommandLineOption idleTimeout{u"idle-timeout"_s,
        u"Seconds (real time) a connection may take to finish its TLS handshake or send its next request "
        "before it is closed (default 30)."_s,
        u"SECONDS"_s};
    const QCommandLineOption maxConnections{u"max-connections"_s,
        u"Connections open at once; further clients wait until one closes (default 256)."_s, u"N"_s};
    const QCommandLineOption pageSize{
        u"page-size"_s, u"Sessions per page of the 2021-01-01 list before an @nextLink (default 100)."_s, u"N"_s};
    const QCommandLineOption verbose{
        u"verbose"_s, u"Log every answer (and every failed TLS handshake) on standard error."_s};

    QList<QCommandLineOption> all() const
    {
        return {help, version, listen, port, account, demo, extraSessions, exitWithStdin, startDelay, stopDelay,
            retention, tokenLifetime, timeScale, rateLimit, errorRate, latencyRate, latencyMs, dropRate, malformedRate,
            seed, tlsCert, tlsKey, idleTimeout, maxConnections, pageSize, verbose};
    }
};

// Each reader below takes its options from the parsed command line into `result`, and returns why
// the first bad one is refused (nullopt when they are all good). They run in a fixed order, so that
// a command line with several bad options is always refused for the same one.
using Refusal = std::optional<QString>;

// What is served, where, and to which accounts.
Refusal readServing(const QCommandLineParser &parser, const Options &o, EmulatorCommandLine *result)
{
    if (parser.isSet(o.listen)) {
        const QString text = parser.value(o.listen).trimmed();
        const QHostAddress address = text.compare(u"localhost"_s, Qt::CaseInsensitive) == 0
            ? QHostAddress(QHostAddress::LocalHost)
            : QHostAddress(text);
        if (address.isNull())
            return u"--listen \"%1\" is not an IP address such as 127.0.0.1."_s.arg(text);
        result->address = address;
    }
    if (parser.isSet(o.port)) {
        const auto value = integer(parser.value(o.port), 0, 65535);
        if (!value)
            return u"--port \"%1\" is not a port number from 0 to 65535."_s.arg(parser.value(o.port));
        result->port = quint16(*value);
    }
    for (const QString &entry : parser.values(o.account)) {
        const qsizetype colon = entry.indexOf(u':');
        const QString id = colon < 0 ? QString() : entry.left(colon).trimmed();
        const QString key = colon < 0 ? QString() : entry.mid(colon + 1);
        if (id.isEmpty() || key.isEmpty())
            return u"--account \"%1\" is not ID:KEY with a non-empty id and key."_s.arg(entry);
        result->accounts.append({id, key});
    }
    result->demoSessions = parser.isSet(o.demo);
    result->exitWithStdin = parser.isSet(o.exitWithStdin);
    if (parser.isSet(o.extraSessions)) {
        const auto value = integer(parser.value(o.extraSessions), 0, 100'000);
        if (!value)
            return u"--extra-sessions \"%1\" is not a whole number from 0 to 100000."_s.arg(
                parser.value(o.extraSessions));
        result->extraSessions = int(*value);
    }
    result->verbose = parser.isSet(o.verbose);
    return std::nullopt;
}

// --tls-cert and --tls-key, always both or neither; the files are read later, by main().
Refusal readTls(const QCommandLineParser &parser, const Options &o, EmulatorCommandLine *result)
{
    if (parser.isSet(o.tlsCert) != parser.isSet(o.tlsKey)) {
        return parser.isSet(o.tlsCert) ? u"--tls-cert needs --tls-key FILE, the certificate's private key."_s
                                       : u"--tls-key needs --tls-cert FILE, the certificate the key belongs to."_s;
    }
    if (parser.isSet(o.tlsCert)) {
        result->tlsCertificateFile = parser.value(o.tlsCert);
        result->tlsKeyFile = parser.value(o.tlsKey);
        if (result->tlsCertificateFile.isEmpty() || result->tlsKeyFile.isEmpty())
            return u"--tls-cert and --tls-key need file names."_s;
    }
    return std::nullopt;
}

// The session lifecycle's durations, the token lifetime and the emulator's clock.
Refusal readTimings(const QCommandLineParser &parser, const Options &o, EmulatorCommandLine *result)
{
    const std::array<std::pair<const QCommandLineOption *, qint64 *>, 4> durations{{
        {&o.startDelay, &result->options.startDelayMs},
        {&o.stopDelay, &result->options.stopDelayMs},
        {&o.retention, &result->options.retentionMs},
        {&o.tokenLifetime, &result->options.tokenLifetimeMs},
    }};
    for (const auto &[option, target] : durations) {
        if (!parser.isSet(*option))
            continue;
        const auto ms = secondsToMs(parser.value(*option));
        if (!ms)
            return u"--%1 \"%2\" is not a number of seconds from 0 to ten years."_s.arg(
                option->names().constFirst(), parser.value(*option));
        *target = *ms;
    }
    if (result->options.tokenLifetimeMs < 1000)
        return u"--token-lifetime must be at least one second."_s;

    if (parser.isSet(o.timeScale)) {
        bool ok = false;
        const double value = parser.value(o.timeScale).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value) || value <= 0 || value > 1e6)
            return u"--time-scale \"%1\" is not a factor greater than 0 (and at most 1000000)."_s.arg(
                parser.value(o.timeScale));
        result->timeScale = value;
    }
    return std::nullopt;
}

// What the emulator allows: requests per second, idle connections, connections at once, page size.
Refusal readLimits(const QCommandLineParser &parser, const Options &o, EmulatorCommandLine *result)
{
    if (parser.isSet(o.rateLimit)) {
        const auto value = integer(parser.value(o.rateLimit), 0, 1'000'000);
        if (!value)
            return u"--rate-limit \"%1\" is not a whole number of requests from 0 up."_s.arg(parser.value(o.rateLimit));
        result->options.rateLimitPerSecond = int(*value);
    }
    if (parser.isSet(o.idleTimeout)) {
        const auto ms = secondsToMs(parser.value(o.idleTimeout));
        if (!ms || *ms < 1 || *ms > 24 * 3600'000)
            return u"--idle-timeout \"%1\" is not a number of seconds from 0.001 to 86400."_s.arg(
                parser.value(o.idleTimeout));
        result->options.idleTimeoutMs = int(*ms);
    }
    if (parser.isSet(o.maxConnections)) {
        const auto value = integer(parser.value(o.maxConnections), 1, 100'000);
        if (!value)
            return u"--max-connections \"%1\" is not a whole number from 1 to 100000."_s.arg(
                parser.value(o.maxConnections));
        result->options.maxConnections = int(*value);
    }
    if (parser.isSet(o.pageSize)) {
        const auto value = integer(parser.value(o.pageSize), 1, 100'000);
        if (!value)
            return u"--page-size \"%1\" is not a whole number from 1 to 100000."_s.arg(parser.value(o.pageSize));
        result->options.pageSize = int(*value);
    }
    return std::nullopt;
}

// The injected faults: their rates, the latency and the generator's seed.
Refusal readFaults(const QCommandLineParser &parser, const Options &o, EmulatorCommandLine *result)
{
    FaultOptions &faults = result->options.faults;
    const std::array<std::pair<const QCommandLineOption *, double *>, 4> rates{{
        {&o.errorRate, &faults.errorRate},
        {&o.latencyRate, &faults.latencyRate},
        {&o.dropRate, &faults.dropRate},
        {&o.malformedRate, &faults.malformedRate},
    }};
    for (const auto &[option, target] : rates) {
        if (!parser.isSet(*option))
            continue;
        const auto value = rate(parser.value(*option));
        if (!value)
            return u"--%1 \"%2\" is not a probability from 0 to 1."_s.arg(
                option->names().constFirst(), parser.value(*option));
        *target = *value;
    }
    if (parser.isSet(o.latencyMs)) {
        const auto value = integer(parser.value(o.latencyMs), 0, 3'600'000);
        if (!value)
            return u"--fault-latency-ms \"%1\" is not a number of milliseconds from 0 to 3600000."_s.arg(
                parser.value(o.latencyMs));
        faults.latencyMs = int(*value);
    }
    if (parser.isSet(o.seed)) {
        const auto value = integer(parser.value(o.seed), 0, 0xffffffffLL);
        if (!value)
            return u"--seed \"%1\" is not a whole number from 0 to 4294967295."_s.arg(parser.value(o.seed));
        faults.seed = quint32(*value);
    }
    return std::nullopt;
}

EmulatorCommandLine failure(EmulatorCommandLine result, const QString &why)
{
    result.action = EmulatorCommandLine::Action::Fail;
    result.error = why;
    return result;
}

} // namespace

EmulatorCommandLine parseCommandLine(const QStringList &arguments)
{
    const Options options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local emulator of the remote-rendering session service (v1 session API and token service).\n"
        "The first line printed is \"listening on http://HOST:PORT\" (https with --tls-cert and --tls-key),\n"
        "the base URL of both the session API and the token service. Without --account, a demo account with\n"
        "a random GUID and key is created and printed on the second line as \"account ID key KEY\"."_s);
    parser.addOptions(options.all());

    EmulatorCommandLine result;
    result.helpText = parser.helpText();
    if (!parser.parse(arguments))
        return failure(result, parser.errorText());
    if (parser.isSet(options.help)) {
        result.action = EmulatorCommandLine::Action::Help;
        return result;
    }
    if (parser.isSet(options.version)) {
        result.action = EmulatorCommandLine::Action::Version;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return failure(result, u"Unexpected argument \"%1\"."_s.arg(parser.positionalArguments().first()));

    for (const auto read : {readServing, readTls, readTimings, readLimits, readFaults}) {
        if (const Refusal why = read(parser, options, &result))
            return failure(result, *why);
    }
    return result;
}

QString randomAccountKey()
{
    std::array<quint32, 8> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random.data()), sizeof(random)).toBase64());
}

} // namespace arr::emulator

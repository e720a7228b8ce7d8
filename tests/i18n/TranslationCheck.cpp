#include "TranslationCheck.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr::test {

namespace {

// A message as the .ts file holds it.
struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;
    QStringList translations;
};

QString mismatchText(const QStringList &expected, const QStringList &actual)
{
    QStringList dropped;
    QStringList added = actual;
    for (const QString &placeholder : expected) {
        if (!added.removeOne(placeholder))
            dropped.append(placeholder);
    }
    QStringList parts;
    if (!dropped.isEmpty())
        parts.append(u"drops "_s + dropped.join(u", "_s));
    if (!added.isEmpty())
        parts.append(u"adds "_s + added.join(u", "_s));
    return parts.join(u" and "_s);
}

void checkMessage(const Message &message, QList<TranslationProblem> *problems)
{
    const auto report = [&](const QString &what) { problems->append({message.context, message.source, what}); };
    if (message.type == "vanished"_L1 || message.type == "obsolete"_L1) {
        report(u"obsolete: the text is no longer in the sources (delete the message)"_s);
        return;
    }
    if (message.type == "unfinished"_L1) {
        const bool empty = std::all_of(message.translations.begin(), message.translations.end(),
            [](const QString &text) { return text.isEmpty(); });
        report(empty ? u"missing: not translated"_s : u"unfinished: translated, not yet marked finished"_s);
        return;
    }
    if (message.translations.isEmpty()) {
        report(u"missing: no translation"_s);
        return;
    }
    const QStringList placeholders = placeholdersOf(message.source);
    const int accelerators = acceleratorsOf(message.source);
    for (qsizetype i = 0; i < message.translations.size(); ++i) {
        const QString &text = message.translations.at(i);
        const QString form = message.numerus ? u" (plural form %1)"_s.arg(i + 1) : QString();
        if (text.isEmpty()) {
            report(u"missing"_s + form);
            continue;
        }
        const QString mismatch = mismatchText(placeholders, placeholdersOf(text));
        if (!mismatch.isEmpty())
            report(mismatch + form);
        const int translated = acceleratorsOf(text);
        if (translated != accelerators)
            report(u"has %1 accelerator(s) (&), the source %2"_s.arg(translated).arg(accelerators) + form);
    }
}

// Reads <translation> (with its <numerusform>s) into `message`.
void readTranslation(QXmlStreamReader &xml, Message *message)
{
    message->type = xml.attributes().value("type"_L1).toString();
    if (!message->numerus) {
        message->translations = {xml.readElementText(QXmlStreamReader::IncludeChildElements)};
        return;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == "numerusform"_L1)
            message->translations.append(xml.readElementText());
        else
            xml.skipCurrentElement();
    }
}

Message readMessage(QXmlStreamReader &xml, const QString &context)
{
    Message message;
    message.context = context;
    message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
    while (xml.readNextStartElement()) {
        if (xml.name() == "source"_L1)
            message.source = xml.readElementText();
        else if (xml.name() == "translation"_L1)
            readTranslation(xml, &message);
        else
            xml.skipCurrentElement();
    }
    return message;
}

} // namespace

QString TranslationProblem::toString() const
{
    return u"%1: \"%2\": %3"_s.arg(context, source, what);
}

QStringList placeholdersOf(const QString &text)
{
    static const QRegularExpression placeholder(u"%L?(?:[1-9][0-9]?|n)"_s);
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

int acceleratorsOf(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i; // "&&": a literal ampersand
            continue;
        }
        if (text.at(i + 1).isLetterOrNumber())
            ++count;
    }
    return count;
}

TranslationCheck checkTranslations(QIODevice *ts)
{
    TranslationCheck check;
    QXmlStreamReader xml(ts);
    if (!xml.readNextStartElement() || xml.name() != "TS"_L1) {
        check.error = u"not a .ts file: its root element is not <TS>"_s;
        return check;
    }
    check.language = xml.attributes().value("language"_L1).toString();
    while (xml.readNextStartElement()) {
        if (xml.name() != "context"_L1) {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == "name"_L1) {
                context = xml.readElementText();
            } else if (xml.name() == "message"_L1) {
                checkMessage(readMessage(xml, context), &check.problems);
                ++check.messages;
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        check.error = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return check;
}

TranslationCheck checkTranslations(const QString &tsFile)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        TranslationCheck check;
        check.error = u"%1 cannot be read: %2"_s.arg(tsFile, file.errorString());
        return check;
    }
    return checkTranslations(&file);
}

} // namespace arr::test

#include "ui/WhoDidWhat.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace arr::who {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arr::who", text);
}

// A time today is enough; another day says which.
QString timeText(const QDateTime &at)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

QString actorText(const HistoryActor &actor)
{
    return actor.text(HistoryActor::Wording::Translated);
}

QString creatorText(const QList<HistoryEvent> &actions)
{
    for (const HistoryEvent &action : actions) {
        if (action.kind == "created"_L1 && action.actor.isKnown())
            return tr("%1, %2").arg(actorText(action.actor), timeText(action.at));
    }
    return tr("unknown");
}

QString changesText(const QList<HistoryEvent> &actions)
{
    QStringList lines;
    for (const HistoryEvent &action : actions) {
        if (action.kind == "extended"_L1)
            lines << tr("Extended %1 by %2").arg(timeText(action.at), actorText(action.actor));
        else if (action.kind == "stopped"_L1)
            lines << tr("Stopped %1 by %2").arg(timeText(action.at), actorText(action.actor));
    }
    return lines.join(u'\n');
}

} // namespace arr::who

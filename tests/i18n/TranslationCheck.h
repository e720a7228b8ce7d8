#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace arr::test {

// One thing wrong with one message of a Qt Linguist .ts file.
struct TranslationProblem
{
    QString context;
    QString source;
    // What is wrong, in words: "unfinished", "drops %1", ...
    QString what;

    QString toString() const;
};

// What checkTranslations() found in a .ts file.
struct TranslationCheck
{
    // Set when the file is not a readable .ts file (then nothing else is meaningful).
    QString error;
    QString language;
    int messages = 0;
    QList<TranslationProblem> problems;
};

// Reads a .ts file (Qt Linguist's XML) and lists every message whose translation a person would miss
// or trip over: missing or unfinished, obsolete or vanished (its text is gone from the sources), a
// plural form left empty, a %1-style place holder (%1, %L1, %n, %Ln) dropped or added, an accelerator
// (&x; "&&" is a literal ampersand) dropped or added.
TranslationCheck checkTranslations(QIODevice *ts);
TranslationCheck checkTranslations(const QString &tsFile);

// The place holders of a text, sorted ("%1", "%L2", "%n"; one entry per occurrence).
QStringList placeholdersOf(const QString &text);
// How many accelerators a text marks: an "&" before a letter or digit, "&&" not counted.
int acceleratorsOf(const QString &text);

} // namespace arr::test

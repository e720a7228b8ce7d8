#pragma once

#include <QTranslator>

// A translation that makes every text of the app longer by about `growth` (0.4: 40 %), to prove that
// layouts give room to languages that run longer than English (German: about a third). Each word
// grows by its share, as German compounds do, so that texts get both longer and harder to wrap;
// place holders (%1, %L1, %n), accelerators (&x), HTML tags and entities are kept as they are.
// Installed on top of the app's own translators, it answers for every text.
class PseudoTranslator : public QTranslator
{
    Q_OBJECT

public:
    explicit PseudoTranslator(double growth, QObject *parent = nullptr);

    QString translate(
        const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    // The lengthened form of one text.
    QString lengthen(const QString &text) const;

private:
    double m_growth;
};

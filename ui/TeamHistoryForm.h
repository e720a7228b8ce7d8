#pragma once

#include "storage/HistoryLocation.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace arr {

// Where the session history is kept, in Preferences: on this computer (the default), or shared with a
// team in a PostgreSQL database: its server, port, database, user, TLS mode and password. The password
// goes to the keychain (the caller stores it), never to the settings; left empty, libpq's own
// PGPASSWORD or ~/.pgpass are used.
class TeamHistoryForm : public QWidget
{
    Q_OBJECT

public:
    explicit TeamHistoryForm(QWidget *parent = nullptr);

    // Shows the team database of this URL (empty: the history on this computer).
    void setTeamUrl(const QString &url);
    // The URL to save: empty for the history on this computer.
    QString teamUrl() const;
    // The team database as the form describes it; Invalid (error() says why) when it does not
    // describe one. A file location with no path for the history on this computer.
    HistoryLocation location() const;
    // The password typed, when one was (an empty one keeps what the keychain holds).
    std::optional<QString> password() const;
    // Why the form cannot be saved as it is; empty when it can.
    QString problem() const;
    // Nothing to choose (demo mode keeps no history): the choices disabled, and why in their place.
    void setUnavailable(const QString &why);

Q_SIGNALS:
    void edited();

private:
    void updateEnabled();

    QRadioButton *m_local;
    QRadioButton *m_team;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_tls;
    QList<QWidget *> m_teamFields;
    QLabel *m_note;
    bool m_passwordEdited = false;
};

} // namespace arr

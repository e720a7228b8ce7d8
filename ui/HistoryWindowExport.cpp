#include "ui/HistoryWindow.h"

#include "core/Clock.h"
#include "storage/HistoryExport.h"
#include "ui/MessageBar.h"

#include <QDir>
#include <QFileDialog>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

// The History window's export of its selection, in the formats `arrsm history` writes.
namespace arr {

namespace {

QDate today(const Clock *clock)
{
    return (clock ? clock->now() : QDateTime::currentDateTime()).toLocalTime().date();
}

} // namespace

bool HistoryWindow::exportTo(const QString &path, ExportFormat format, QString *error) const
{
    const QByteArray bytes = format == ExportFormat::Csv ? historyCsv(m_selection) : historyJsonText(m_selection);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("The history could not be written to %1: %2.")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void HistoryWindow::chooseExportFile(ExportFormat format)
{
    const bool csv = format == ExportFormat::Csv;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name
        = u"session-history-%1.%2"_s.arg(today(m_clock).toString(Qt::ISODate), csv ? u"csv"_s : u"json"_s);
    auto *dialog = new QFileDialog(this, csv ? tr("Export the history as CSV") : tr("Export the history as JSON"),
        QDir(folder).filePath(name), csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setObjectName(u"historyExportDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(csv ? u"csv"_s : u"json"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        QString error;
        if (exportTo(path, format, &error))
            m_messageBar->showMessage(MessageBar::Kind::Information,
                tr("Exported %n session(s) to %1.", nullptr, int(m_selection.size()))
                    .arg(QDir::toNativeSeparators(path)));
        else
            m_messageBar->showMessage(MessageBar::Kind::Error, error);
    });
    dialog->open();
}

} // namespace arr

#include "ui/ExtendSessionDialog.h"

#include "core/RequestValidator.h"
#include "ui/SessionStyle.h"
#include "ui/WidgetHelpers.h"
#include "ui_ExtendSessionDialog.h"

#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

enum TargetColumn { SessionColumn, AccountColumn, CurrentColumn, RemainingColumn, NewColumn };

} // namespace

ExtendSessionDialog::ExtendSessionDialog(const QList<ExtendTarget> &targets, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExtendSessionDialog>())
    , m_targets(targets)
{
    m_ui->setupUi(this);
    setWindowIcon(style::icon(u"extend"_s));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Extend"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setIcon(style::icon(u"extend"_s));
    m_ui->headlineLabel->setText(targets.size() == 1
            ? tr("Extend the lease of session %1 (%2).")
                  .arg(targets.constFirst().sessionId, targets.constFirst().account)
            : tr("Extend the lease of %n sessions.", nullptr, int(targets.size())));
    styleAsProblem(m_ui->problemLabel);
    // One session can be kept alive instead of extended once.
    if (targets.size() == 1) {
        QPushButton *keepAlive = m_ui->buttonBox->addButton(tr("Keep &alive…"), QDialogButtonBox::ActionRole);
        keepAlive->setObjectName(u"keepAliveButton"_s);
        keepAlive->setIcon(style::icon(u"keep-alive"_s));
        keepAlive->setToolTip(tr("Extend this session automatically, up to a limit, instead of once"));
        connect(keepAlive, &QPushButton::clicked, this, [this] {
            Q_EMIT keepAliveRequested();
            reject();
        });
    }

    for (const ExtendTarget &target : targets) {
        auto *item = new QTreeWidgetItem(m_ui->targetsTree);
        item->setText(SessionColumn, target.sessionId);
        item->setText(AccountColumn, target.account);
        item->setText(CurrentColumn, target.currentLease.toDisplayString());
        item->setText(RemainingColumn, target.remaining ? target.remaining->toDisplayString() : tr("unknown"));
        for (int column : {CurrentColumn, RemainingColumn, NewColumn})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_ui->targetsTree->header()->setSectionResizeMode(SessionColumn, QHeaderView::Stretch);
    m_ui->targetsTree->header()->setStretchLastSection(false);
    for (int column : {AccountColumn, CurrentColumn, RemainingColumn, NewColumn})
        m_ui->targetsTree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // Wide enough for every session id whole beside its numbers, in any language: the numbers'
    // columns are as wide as their titles, which run longer in German ("Aktuelle Laufzeit").
    QHeaderView *header = m_ui->targetsTree->header();
    header->resizeSections(QHeaderView::ResizeToContents);
    const int scrollBar = targets.size() > 8 ? m_ui->targetsTree->verticalScrollBar()->sizeHint().width() : 0;
    m_ui->targetsTree->setMinimumWidth(header->length() + 2 * m_ui->targetsTree->frameWidth() + scrollBar);
    // As tall as its rows (up to eight, then it scrolls), so that one session is not a large blank.
    const int shownRows = std::clamp(int(targets.size()), 1, 8);
    const int rowHeight = std::max(m_ui->targetsTree->sizeHintForRow(0), fontMetrics().height() + 4);
    m_ui->targetsTree->setFixedHeight(m_ui->targetsTree->header()->sizeHint().height() + shownRows * rowHeight
        + 2 * m_ui->targetsTree->frameWidth() + 2);
    // One session: the total starts at its current lease plus an hour; "extend by" stays chosen.
    if (targets.size() == 1)
        setTotal(targets.constFirst().currentLease + TimeSpan::fromHours(1));
    m_ui->addRadio->setChecked(true);

    // Typing in a row chooses it.
    for (QSpinBox *spin : {m_ui->addHoursSpin, m_ui->addMinutesSpin})
        whenSpinBoxEdited(spin, this, [this] {
            m_ui->addRadio->setChecked(true);
            validate();
        });
    for (QSpinBox *spin : {m_ui->totalHoursSpin, m_ui->totalMinutesSpin})
        whenSpinBoxEdited(spin, this, [this] {
            m_ui->totalRadio->setChecked(true);
            validate();
        });
    connect(m_ui->addRadio, &QRadioButton::toggled, this, &ExtendSessionDialog::validate);
    connect(m_ui->plus30Button, &QPushButton::clicked, this, [this] { extendBy(TimeSpan::fromMinutes(30)); });
    connect(m_ui->plus60Button, &QPushButton::clicked, this, [this] { extendBy(TimeSpan::fromHours(1)); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    // Wide enough for a whole session id next to its numbers.
    setMinimumWidth(fontMetrics().averageCharWidth() * 100);
    adjustSize();
}

ExtendSessionDialog::~ExtendSessionDialog() = default;

void ExtendSessionDialog::extendBy(TimeSpan amount)
{
    m_ui->addHoursSpin->setValue(int(amount.totalMinutes() / 60));
    m_ui->addMinutesSpin->setValue(int(amount.totalMinutes() % 60));
    m_ui->addRadio->setChecked(true);
    validate();
}

void ExtendSessionDialog::setTotal(TimeSpan total)
{
    m_ui->totalHoursSpin->setValue(int(total.totalMinutes() / 60));
    m_ui->totalMinutesSpin->setValue(int(total.totalMinutes() % 60));
    m_ui->totalRadio->setChecked(true);
    validate();
}

std::optional<TimeSpan> ExtendSessionDialog::newLeaseFor(const ExtendTarget &target) const
{
    if (m_ui->addRadio->isChecked()) {
        if (!m_ui->addHoursSpin->hasAcceptableInput() || !m_ui->addMinutesSpin->hasAcceptableInput())
            return std::nullopt;
        return target.currentLease + TimeSpan::fromHours(m_ui->addHoursSpin->value())
            + TimeSpan::fromMinutes(m_ui->addMinutesSpin->value());
    }
    if (!m_ui->totalHoursSpin->hasAcceptableInput() || !m_ui->totalMinutesSpin->hasAcceptableInput())
        return std::nullopt;
    return TimeSpan::fromHours(m_ui->totalHoursSpin->value()) + TimeSpan::fromMinutes(m_ui->totalMinutesSpin->value());
}

void ExtendSessionDialog::validate()
{
    QString problem;
    for (int i = 0; i < m_targets.size(); ++i) {
        const ExtendTarget &target = m_targets.at(i);
        const std::optional<TimeSpan> lease = newLeaseFor(target);
        QTreeWidgetItem *item = m_ui->targetsTree->topLevelItem(i);
        item->setText(NewColumn, lease ? lease->toDisplayString() : QString());
        if (!problem.isEmpty())
            continue;
        if (!lease) {
            problem = tr("Enter the hours and minutes as whole numbers.");
            continue;
        }
        const RequestVerdict verdict = RequestValidator::checkExtend(*lease, target.currentLease);
        // With several sessions, say which one cannot take the new lease; one is named in the headline.
        if (!verdict.ok())
            problem = m_targets.size() == 1 ? verdict.sentence
                                            : tr("%1: %2", "a session id, then why it cannot take the new lease")
                                                  .arg(target.sessionId, verdict.sentence);
    }
    if (m_targets.isEmpty())
        problem = tr("No session to extend.");
    m_problem = problem;
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace arr

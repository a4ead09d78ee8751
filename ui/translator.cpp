#include "translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace bs::ui {

QStringList Translator::availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString Translator::install(QCoreApplication& app, const QString& forcedLanguage) {
    const QLocale locale = forcedLanguage.isEmpty() ? QLocale::system() : QLocale(forcedLanguage);
    QString language = QLocale::languageToCode(locale.language());
    if (!availableLanguages().contains(language))
        language = QStringLiteral("en");
    QLocale::setDefault(QLocale(language));

    auto* ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/batchscope_") + language + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;

    // Qt's own strings (standard buttons, dialogs) from the system translation folder.
    auto* qtBase = new QTranslator(&app);
    if (qtBase->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtBase);
    else
        delete qtBase;
    return language;
}

} // namespace bs::ui

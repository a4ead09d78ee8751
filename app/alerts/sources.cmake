# Alerts: rules (pure, over a snapshot), edge-triggered firing through the ledger's AlertState,
# and the sinks that deliver them (Slack; the console's NotificationCenter for the desktop).
target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/alertconfig.h
    ${CMAKE_CURRENT_LIST_DIR}/alertconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/alertsnapshot.h
    ${CMAKE_CURRENT_LIST_DIR}/alertrules.h
    ${CMAKE_CURRENT_LIST_DIR}/alertrules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/alertengine.h
    ${CMAKE_CURRENT_LIST_DIR}/alertengine.cpp
    ${CMAKE_CURRENT_LIST_DIR}/consolerules.h
    ${CMAKE_CURRENT_LIST_DIR}/consolerules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/notification.h
    ${CMAKE_CURRENT_LIST_DIR}/notificationcenter.h
    ${CMAKE_CURRENT_LIST_DIR}/notificationcenter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/slacksink.h
    ${CMAKE_CURRENT_LIST_DIR}/slacksink.cpp)

target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/appinfo.h
    ${CMAKE_CURRENT_LIST_DIR}/appinfo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/osuser.h
    ${CMAKE_CURRENT_LIST_DIR}/profiles.h
    ${CMAKE_CURRENT_LIST_DIR}/profiles.cpp
    ${CMAKE_CURRENT_LIST_DIR}/preferences.h
    ${CMAKE_CURRENT_LIST_DIR}/preferences.cpp
    ${CMAKE_CURRENT_LIST_DIR}/redactor.h
    ${CMAKE_CURRENT_LIST_DIR}/redactor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sha256.h
    ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp
    ${CMAKE_CURRENT_LIST_DIR}/singleinstance.h
    ${CMAKE_CURRENT_LIST_DIR}/singleinstance.cpp)

target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ingestrecords.h
    ${CMAKE_CURRENT_LIST_DIR}/ingestrecords.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultlineparser.h
    ${CMAKE_CURRENT_LIST_DIR}/resultlineparser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultwriter.h
    ${CMAKE_CURRENT_LIST_DIR}/resultwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ingestworker.h
    ${CMAKE_CURRENT_LIST_DIR}/ingestworker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultingestor.h
    ${CMAKE_CURRENT_LIST_DIR}/resultingestor.cpp)
target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/createbodyfile.h
    ${CMAKE_CURRENT_LIST_DIR}/createbodyfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pollschedule.h
    ${CMAKE_CURRENT_LIST_DIR}/pollschedule.cpp
    ${CMAKE_CURRENT_LIST_DIR}/consolesession.h
    ${CMAKE_CURRENT_LIST_DIR}/consolesession.cpp
    ${CMAKE_CURRENT_LIST_DIR}/monitorworker.h
    ${CMAKE_CURRENT_LIST_DIR}/monitorworker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/poller.h
    ${CMAKE_CURRENT_LIST_DIR}/poller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/draftsubmitter.h
    ${CMAKE_CURRENT_LIST_DIR}/draftsubmitter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filesubmitter.h
    ${CMAKE_CURRENT_LIST_DIR}/filesubmitter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/retrysubmitter.h
    ${CMAKE_CURRENT_LIST_DIR}/retrysubmitter.cpp)

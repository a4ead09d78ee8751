cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${BINARY_DIR}/CPackConfig.cmake
                        -B ${WORK_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB debs ${WORK_DIR}/*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${WORK_DIR}, found ${n}")
endif()
execute_process(COMMAND ${DPKG_DEB} --contents ${debs} OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
execute_process(COMMAND ${DPKG_DEB} --field ${debs} Package Version Depends OUTPUT_VARIABLE fields)
message("${fields}")
set(missing "")
foreach(path
        ./usr/bin/batchscope
        ./usr/bin/batchscope-cli
        ./usr/bin/batchscope-sim
        ./usr/share/applications/io.batchscope.Batchscope.desktop
        ./usr/share/metainfo/io.batchscope.Batchscope.metainfo.xml
        ./usr/share/mime/packages/io.batchscope.Batchscope.xml
        ./usr/share/icons/hicolor/scalable/apps/io.batchscope.Batchscope.svg
        ./usr/lib/systemd/user/batchscope-watch.service)
    string(FIND "${listing}" " ${path}\n" at)
    if(at EQUAL -1)
        list(APPEND missing ${path})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "the .deb lacks: ${missing}\nIt holds:\n${listing}")
endif()
# The unit starts the installed CLI's watcher.
execute_process(COMMAND ${DPKG_DEB} --fsys-tarfile ${debs} OUTPUT_FILE ${WORK_DIR}/deb.tar)
execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${WORK_DIR}/deb.tar
                        ./usr/lib/systemd/user/batchscope-watch.service
                WORKING_DIRECTORY ${WORK_DIR})
file(READ ${WORK_DIR}/usr/lib/systemd/user/batchscope-watch.service unit)
string(FIND "${unit}" "\nExecStart=batchscope-cli watch " at)
if(at EQUAL -1)
    message(FATAL_ERROR "the systemd unit does not start batchscope-cli watch:\n${unit}")
endif()
message("the .deb holds the binaries, .desktop, metainfo, icon and the watcher's systemd unit")

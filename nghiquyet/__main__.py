from nghiquyet.cli import main

main()

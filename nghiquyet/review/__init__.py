"""The review page: figures read from prose become draft observations a person confirms."""

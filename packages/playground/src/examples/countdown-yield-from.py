# Python 3.4: a generator is a coroutine,
# and `yield from` suspends it.
import asyncio

@asyncio.coroutine
def countdown(label, n):
    while n > 0:
        print("T-minus %d (%s)" % (n, label))
        yield from asyncio.sleep(1)
        n -= 1

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.gather(
    countdown("A", 2), countdown("B", 3)))

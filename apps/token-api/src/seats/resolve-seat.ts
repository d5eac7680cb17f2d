// A person gets a login only for the seat they are mapped to. Naming a seat is allowed (clients
// may state what they expect) but only one's own.
import { AppError } from '../errors';
import type { Seat, SeatDirectory } from './seat-directory';

export function resolveSeat(directory: SeatDirectory, sub: string, requestedSeatUserId?: string): Seat {
  const seat = directory.seatFor(sub);
  if (!seat) throw new AppError(403, 'no_seat', 'You have no contact center seat.');
  if (requestedSeatUserId !== undefined && requestedSeatUserId !== seat.seatUserId) {
    throw new AppError(403, 'seat_forbidden', 'You may only log in to your own seat.');
  }
  return seat;
}

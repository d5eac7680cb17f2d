import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'customers' },
  {
    path: 'customers',
    title: 'Customers · Contoso CRM',
    loadComponent: () => import('./customers/customer-list.component').then((m) => m.CustomerListComponent),
  },
  {
    path: 'customers/:id',
    title: 'Customer · Contoso CRM',
    loadComponent: () => import('./customers/customer-page.component').then((m) => m.CustomerPageComponent),
  },
  {
    path: 'history',
    title: 'Call history · Contoso CRM',
    loadComponent: () => import('./history/call-history.component').then((m) => m.CallHistoryComponent),
  },
  { path: '**', redirectTo: 'customers' },
];
